package dev.wasmlink.linker.names;

import java.util.HashMap;
import java.util.Map;

/**
 * The two-letter operator codes of {@code <operator-name>}, shared by operator function names ({@code _ZN1AplE...}
 * is {@code A::operator+}) and by expressions ({@code pl} adds two operands).
 */
final class Operators {
  private Operators() {}

  /** How an operator takes its operands in an expression. */
  enum Kind {
    PREFIX, POSTFIX, BINARY, ARRAY, MEMBER, NEW, DELETE, CALL, CAST, CONDITIONAL, NAME_ONLY,
    /** The kinds from here on have no {@code operator...} function name. */
    NAMED_CAST, OF_ID;

    boolean nameable() {
      return ordinal() < NAMED_CAST.ordinal();
    }
  }

  /**
   * One operator. {@code flag} depends on the kind: the array form for new/delete; whether a member access can
   * also be an operator function name (-> and ->*, unlike . and .*); whether the operand of sizeof, alignof or
   * typeid is a type.
   */
  record Info(Kind kind, boolean flag, Prec prec, String name) {
    /** The operator as written in an expression: the name without {@code operator} and a following space. */
    String symbol() {
      String symbol = name;
      if (kind.nameable() && symbol.startsWith("operator")) {
        symbol = symbol.substring("operator".length());
      }
      return symbol.startsWith(" ") ? symbol.substring(1) : symbol;
    }
  }

  private static final Map<String, Info> BY_CODE = new HashMap<>();

  private static void add(String code, Kind kind, boolean flag, Prec prec, String name) {
    BY_CODE.put(code, new Info(kind, flag, prec, name));
  }

  static {
    add("aN", Kind.BINARY, false, Prec.ASSIGN, "operator&=");
    add("aS", Kind.BINARY, false, Prec.ASSIGN, "operator=");
    add("aa", Kind.BINARY, false, Prec.AND_IF, "operator&&");
    add("ad", Kind.PREFIX, false, Prec.UNARY, "operator&");
    add("an", Kind.BINARY, false, Prec.AND, "operator&");
    add("at", Kind.OF_ID, true, Prec.UNARY, "alignof ");
    add("aw", Kind.NAME_ONLY, false, Prec.PRIMARY, "operator co_await");
    add("az", Kind.OF_ID, false, Prec.UNARY, "alignof ");
    add("cc", Kind.NAMED_CAST, false, Prec.POSTFIX, "const_cast");
    add("cl", Kind.CALL, false, Prec.POSTFIX, "operator()");
    add("cm", Kind.BINARY, false, Prec.COMMA, "operator,");
    add("co", Kind.PREFIX, false, Prec.UNARY, "operator~");
    add("cv", Kind.CAST, false, Prec.CAST, "operator");
    add("dV", Kind.BINARY, false, Prec.ASSIGN, "operator/=");
    add("da", Kind.DELETE, true, Prec.UNARY, "operator delete[]");
    add("dc", Kind.NAMED_CAST, false, Prec.POSTFIX, "dynamic_cast");
    add("de", Kind.PREFIX, false, Prec.UNARY, "operator*");
    add("dl", Kind.DELETE, false, Prec.UNARY, "operator delete");
    add("ds", Kind.MEMBER, false, Prec.PTR_MEM, "operator.*");
    add("dt", Kind.MEMBER, false, Prec.POSTFIX, "operator.");
    add("dv", Kind.BINARY, false, Prec.ASSIGN, "operator/"); // sic: LLVM 19 ranks / with assignment
    add("eO", Kind.BINARY, false, Prec.ASSIGN, "operator^=");
    add("eo", Kind.BINARY, false, Prec.XOR, "operator^");
    add("eq", Kind.BINARY, false, Prec.EQUALITY, "operator==");
    add("ge", Kind.BINARY, false, Prec.RELATIONAL, "operator>=");
    add("gt", Kind.BINARY, false, Prec.RELATIONAL, "operator>");
    add("ix", Kind.ARRAY, false, Prec.POSTFIX, "operator[]");
    add("lS", Kind.BINARY, false, Prec.ASSIGN, "operator<<=");
    add("le", Kind.BINARY, false, Prec.RELATIONAL, "operator<=");
    add("ls", Kind.BINARY, false, Prec.SHIFT, "operator<<");
    add("lt", Kind.BINARY, false, Prec.RELATIONAL, "operator<");
    add("mI", Kind.BINARY, false, Prec.ASSIGN, "operator-=");
    add("mL", Kind.BINARY, false, Prec.ASSIGN, "operator*=");
    add("mi", Kind.BINARY, false, Prec.ADDITIVE, "operator-");
    add("ml", Kind.BINARY, false, Prec.MULTIPLICATIVE, "operator*");
    add("mm", Kind.POSTFIX, false, Prec.POSTFIX, "operator--");
    add("na", Kind.NEW, true, Prec.UNARY, "operator new[]");
    add("ne", Kind.BINARY, false, Prec.EQUALITY, "operator!=");
    add("ng", Kind.PREFIX, false, Prec.UNARY, "operator-");
    add("nt", Kind.PREFIX, false, Prec.UNARY, "operator!");
    add("nw", Kind.NEW, false, Prec.UNARY, "operator new");
    add("oR", Kind.BINARY, false, Prec.ASSIGN, "operator|=");
    add("oo", Kind.BINARY, false, Prec.OR_IF, "operator||");
    add("or", Kind.BINARY, false, Prec.IOR, "operator|");
    add("pL", Kind.BINARY, false, Prec.ASSIGN, "operator+=");
    add("pl", Kind.BINARY, false, Prec.ADDITIVE, "operator+");
    add("pm", Kind.MEMBER, true, Prec.PTR_MEM, "operator->*");
    add("pp", Kind.POSTFIX, false, Prec.POSTFIX, "operator++");
    add("ps", Kind.PREFIX, false, Prec.UNARY, "operator+");
    add("pt", Kind.MEMBER, true, Prec.POSTFIX, "operator->");
    add("qu", Kind.CONDITIONAL, false, Prec.CONDITIONAL, "operator?");
    add("rM", Kind.BINARY, false, Prec.ASSIGN, "operator%=");
    add("rS", Kind.BINARY, false, Prec.ASSIGN, "operator>>=");
    add("rc", Kind.NAMED_CAST, false, Prec.POSTFIX, "reinterpret_cast");
    add("rm", Kind.BINARY, false, Prec.MULTIPLICATIVE, "operator%");
    add("rs", Kind.BINARY, false, Prec.SHIFT, "operator>>");
    add("sc", Kind.NAMED_CAST, false, Prec.POSTFIX, "static_cast");
    add("ss", Kind.BINARY, false, Prec.SPACESHIP, "operator<=>");
    add("st", Kind.OF_ID, true, Prec.UNARY, "sizeof ");
    add("sz", Kind.OF_ID, false, Prec.UNARY, "sizeof ");
    add("te", Kind.OF_ID, false, Prec.POSTFIX, "typeid ");
    add("ti", Kind.OF_ID, true, Prec.POSTFIX, "typeid ");
  }

  /** The operator whose code starts at the cursor, consumed; null (nothing consumed) when there is none. */
  static Info parse(Cursor in) {
    if (in.remaining() < 2) {
      return null;
    }
    Info info = BY_CODE.get("" + in.look() + in.look(1));
    if (info != null) {
      in.skip(2);
    }
    return info;
  }
}
