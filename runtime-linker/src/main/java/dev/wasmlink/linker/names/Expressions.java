package dev.wasmlink.linker.names;

import java.util.List;

/**
 * Nodes for expressions, which appear in template arguments ({@code X ... E}), array bounds and {@code decltype}.
 * Each knows its precedence so that operands are parenthesized only where C++ needs it.
 */
final class Expressions {
  private Expressions() {}

  /** Base for expressions: the precedence is that of the operator at the root. */
  abstract static class Expr extends Node {
    private final Prec prec;

    Expr(Prec prec) {
      this.prec = prec;
    }

    @Override
    final Prec precedence() {
      return prec;
    }
  }

  /** {@code lhs op rhs}. Inside template arguments a {@code >} or {@code >>} needs parentheses around it all. */
  static final class Binary extends Expr {
    final Node lhs;
    final String operator;
    final Node rhs;

    Binary(Node lhs, String operator, Node rhs, Prec prec) {
      super(prec);
      this.lhs = lhs;
      this.operator = operator;
      this.rhs = rhs;
    }

    @Override
    void doPrintLeft(Printer out) {
      boolean parenAll = out.gtClosesTemplateArgs() && (operator.equals(">") || operator.equals(">>"));
      if (parenAll) {
        out.open();
      }
      // Assignment groups right to left, and its left operand may not be a conditional or assignment.
      boolean assign = precedence() == Prec.ASSIGN;
      lhs.printAsOperand(out, assign ? Prec.OR_IF : precedence(), !assign);
      if (!operator.equals(",")) {
        out.append(' ');
      }
      out.append(operator).append(' ');
      rhs.printAsOperand(out, precedence(), assign);
      if (parenAll) {
        out.close();
      }
    }
  }

  /** {@code op operand}. */
  static final class Prefix extends Expr {
    final String operator;
    final Node operand;

    Prefix(String operator, Node operand, Prec prec) {
      super(prec);
      this.operator = operator;
      this.operand = operand;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append(operator);
      operand.printAsOperand(out, precedence(), false);
    }
  }

  /** {@code operand op} ({@code ++}, {@code --}). */
  static final class Postfix extends Expr {
    final Node operand;
    final String operator;

    Postfix(Node operand, String operator, Prec prec) {
      super(prec);
      this.operand = operand;
      this.operator = operator;
    }

    @Override
    void doPrintLeft(Printer out) {
      operand.printAsOperand(out, precedence(), true);
      out.append(operator);
    }
  }

  /** {@code base[index]}. */
  static final class Subscript extends Expr {
    final Node base;
    final Node index;

    Subscript(Node base, Node index, Prec prec) {
      super(prec);
      this.base = base;
      this.index = index;
    }

    @Override
    void doPrintLeft(Printer out) {
      base.printAsOperand(out, precedence(), false);
      out.open('[');
      index.printAsOperand(out);
      out.close(']');
    }
  }

  /** {@code object.member}, {@code pointer->member}, {@code .*} and {@code ->*}. */
  static final class Member extends Expr {
    final Node object;
    final String operator;
    final Node member;

    Member(Node object, String operator, Node member, Prec prec) {
      super(prec);
      this.object = object;
      this.operator = operator;
      this.member = member;
    }

    @Override
    void doPrintLeft(Printer out) {
      object.printAsOperand(out, precedence(), true);
      out.append(operator);
      member.printAsOperand(out, precedence(), false);
    }
  }

  /** {@code [::]new[[]] (placement) Type(init)}. */
  static final class New extends Expr {
    final List<Node> placement;
    final Node type;
    final List<Node> init;
    final boolean global;
    final boolean array;

    New(List<Node> placement, Node type, List<Node> init, boolean global, boolean array, Prec prec) {
      super(prec);
      this.placement = placement;
      this.type = type;
      this.init = init;
      this.global = global;
      this.array = array;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (global) {
        out.append("::");
      }
      out.append("new");
      if (array) {
        out.append("[]");
      }
      if (!placement.isEmpty()) {
        out.open();
        printList(out, placement);
        out.close();
      }
      out.append(' ');
      type.print(out);
      if (!init.isEmpty()) {
        out.open();
        printList(out, init);
        out.close();
      }
    }
  }

  /** {@code [::]delete[[]] operand}. */
  static final class Delete extends Expr {
    final Node operand;
    final boolean global;
    final boolean array;

    Delete(Node operand, boolean global, boolean array, Prec prec) {
      super(prec);
      this.operand = operand;
      this.global = global;
      this.array = array;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (global) {
        out.append("::");
      }
      out.append("delete");
      if (array) {
        out.append("[]");
      }
      out.append(' ');
      operand.print(out);
    }
  }

  /** {@code callee(args)}. */
  static final class Call extends Expr {
    final Node callee;
    final List<Node> args;

    Call(Node callee, List<Node> args, Prec prec) {
      super(prec);
      this.callee = callee;
      this.args = args;
    }

    @Override
    void doPrintLeft(Printer out) {
      callee.print(out);
      out.open();
      printList(out, args);
      out.close();
    }
  }

  /** {@code (Type)(operands)}: a C-style or functional cast ({@code cv}). */
  static final class Conversion extends Expr {
    final Node type;
    final List<Node> operands;

    Conversion(Node type, List<Node> operands, Prec prec) {
      super(prec);
      this.type = type;
      this.operands = operands;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.open();
      type.print(out);
      out.close();
      out.open();
      printList(out, operands);
      out.close();
    }
  }

  /** {@code cond ? a : b}. */
  static final class Conditional extends Expr {
    final Node condition;
    final Node whenTrue;
    final Node whenFalse;

    Conditional(Node condition, Node whenTrue, Node whenFalse, Prec prec) {
      super(prec);
      this.condition = condition;
      this.whenTrue = whenTrue;
      this.whenFalse = whenFalse;
    }

    @Override
    void doPrintLeft(Printer out) {
      condition.printAsOperand(out, precedence(), false);
      out.append(" ? ");
      whenTrue.printAsOperand(out);
      out.append(" : ");
      whenFalse.printAsOperand(out, Prec.ASSIGN, true);
    }
  }

  /** {@code static_cast<Type>(operand)} and the other named casts. */
  static final class NamedCast extends Expr {
    final String keyword;
    final Node type;
    final Node operand;

    NamedCast(String keyword, Node type, Node operand, Prec prec) {
      super(prec);
      this.keyword = keyword;
      this.type = type;
      this.operand = operand;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append(keyword);
      int saved = out.gtIsGt;
      out.gtIsGt = 0;
      out.append('<');
      type.printLeft(out);
      out.append('>');
      out.gtIsGt = saved;
      out.open();
      operand.printAsOperand(out);
      out.close();
    }
  }

  /** {@code keyword(operand)}: {@code sizeof (T)}, {@code alignof}, {@code typeid}, {@code noexcept}, {@code decltype}. */
  static final class Enclosing extends Expr {
    final String keyword;
    final Node operand;

    Enclosing(String keyword, Node operand, Prec prec) {
      super(prec);
      this.keyword = keyword;
      this.operand = operand;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append(keyword);
      out.open();
      operand.print(out);
      out.close();
    }
  }

  /** {@code sizeof...(pack)}. */
  static final class SizeofPack extends Expr {
    final Node pack;

    SizeofPack(Node pack) {
      super(Prec.PRIMARY);
      this.pack = pack;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append("sizeof...");
      out.open();
      new Packs.Expansion(pack).printLeft(out);
      out.close();
    }
  }

  /** The elements of a list, comma separated, with no brackets (the operand of {@code sizeof...} over {@code sP}). */
  static final class NodeList extends Expr {
    final List<Node> nodes;

    NodeList(List<Node> nodes) {
      super(Prec.PRIMARY);
      this.nodes = nodes;
    }

    @Override
    void doPrintLeft(Printer out) {
      printList(out, nodes);
    }
  }

  /** {@code Type{inits}} or a bare {@code {inits}}. */
  static final class InitList extends Expr {
    final Node type;
    final List<Node> inits;

    InitList(Node type, List<Node> inits) {
      super(Prec.PRIMARY);
      this.type = type;
      this.inits = inits;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (type != null) {
        type.print(out);
      }
      out.append('{');
      printList(out, inits);
      out.append('}');
    }
  }

  /** A designated initializer: {@code .field = value}, {@code [index] = value}, {@code [first ... last] = value}. */
  static final class Designated extends Expr {
    final Node first;
    final Node last;
    final boolean array;
    final Node init;

    Designated(Node first, Node last, boolean array, Node init) {
      super(Prec.PRIMARY);
      this.first = first;
      this.last = last;
      this.array = array;
      this.init = init;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (last != null) {
        out.append('[');
        first.print(out);
        out.append(" ... ");
        last.print(out);
        out.append(']');
      } else if (array) {
        out.append('[');
        first.print(out);
        out.append(']');
      } else {
        out.append('.');
        first.print(out);
      }
      if (!(init instanceof Designated)) {
        out.append(" = ");
      }
      init.print(out);
    }
  }

  /** {@code (... op pack)}, {@code (pack op ...)} and the forms with an initial value. */
  static final class Fold extends Expr {
    final boolean leftFold;
    final String operator;
    final Node pack;
    final Node init;

    Fold(boolean leftFold, String operator, Node pack, Node init) {
      super(Prec.PRIMARY);
      this.leftFold = leftFold;
      this.operator = operator;
      this.pack = pack;
      this.init = init;
    }

    private void printPack(Printer out) {
      out.open();
      new Packs.Expansion(pack).print(out);
      out.close();
    }

    @Override
    void doPrintLeft(Printer out) {
      out.open();
      if (!leftFold || init != null) {
        if (leftFold) {
          init.printAsOperand(out, Prec.CAST, true);
        } else {
          printPack(out);
        }
        out.append(' ').append(operator).append(' ');
      }
      out.append("...");
      if (leftFold || init != null) {
        out.append(' ').append(operator).append(' ');
        if (leftFold) {
          printPack(out);
        } else {
          init.printAsOperand(out, Prec.CAST, true);
        }
      }
      out.close();
    }
  }

  /** {@code fpN}: the N+1-th parameter of the function whose signature contains the expression. */
  static final class FunctionParam extends Expr {
    final String number;

    FunctionParam(String number) {
      super(Prec.PRIMARY);
      this.number = number;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append("fp").append(number);
    }
  }

  /**
   * An integer literal. {@code int}, {@code unsigned}, {@code long}... print with their C++ suffix ({@code 5u}); other
   * integer types print as a cast ({@code (char)65}).
   */
  static final class IntegerLiteral extends Expr {
    final String type;
    final String value;

    IntegerLiteral(String type, String value) {
      super(Prec.PRIMARY);
      this.type = type;
      this.value = value;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (type.length() > 3) {
        out.open();
        out.append(type);
        out.close();
      }
      printSigned(out, value);
      if (type.length() <= 3) {
        out.append(type);
      }
    }
  }

  /** {@code (Enum)value}. */
  static final class EnumLiteral extends Expr {
    final Node type;
    final String value;

    EnumLiteral(Node type, String value) {
      super(Prec.PRIMARY);
      this.type = type;
      this.value = value;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.open();
      type.print(out);
      out.close();
      printSigned(out, value);
    }
  }

  /** The mangling writes a minus sign as {@code n}. */
  static void printSigned(Printer out, String value) {
    if (value.startsWith("n")) {
      out.append('-').append(value.substring(1));
    } else {
      out.append(value);
    }
  }

  /** A string literal, whose contents the mangling does not record: {@code "<char const [6]>"}. */
  static final class StringLiteral extends Expr {
    final Node type;

    StringLiteral(Node type) {
      super(Prec.PRIMARY);
      this.type = type;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append("\"<");
      type.print(out);
      out.append(">\"");
    }
  }

  /** {@code requires (params) { requirements }}. */
  static final class Requires extends Expr {
    final List<Node> params;
    final List<Node> requirements;

    Requires(List<Node> params, List<Node> requirements) {
      super(Prec.PRIMARY);
      this.params = params;
      this.requirements = requirements;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append("requires");
      if (!params.isEmpty()) {
        out.append(' ');
        out.open();
        printList(out, params);
        out.close();
      }
      out.append(' ');
      out.open('{');
      for (Node requirement : requirements) {
        requirement.print(out);
      }
      out.append(' ');
      out.close('}');
    }
  }

  /** One requirement of a requires expression: {@code { expr } noexcept -> C;}, {@code typename T;}, {@code requires C;}. */
  static final class Requirement extends Node {
    enum Kind { EXPRESSION, TYPE, NESTED }

    final Kind kind;
    final Node operand;
    final boolean noexcept;
    final Node typeConstraint;

    Requirement(Kind kind, Node operand, boolean noexcept, Node typeConstraint) {
      this.kind = kind;
      this.operand = operand;
      this.noexcept = noexcept;
      this.typeConstraint = typeConstraint;
    }

    @Override
    void doPrintLeft(Printer out) {
      switch (kind) {
        case EXPRESSION -> {
          out.append(' ');
          boolean braces = noexcept || typeConstraint != null;
          if (braces) {
            out.open('{');
          }
          operand.print(out);
          if (braces) {
            out.close('}');
          }
          if (noexcept) {
            out.append(" noexcept");
          }
          if (typeConstraint != null) {
            out.append(" -> ");
            typeConstraint.print(out);
          }
        }
        case TYPE -> {
          out.append(" typename ");
          operand.print(out);
        }
        case NESTED -> {
          out.append(" requires ");
          operand.print(out);
        }
      }
      out.append(';');
    }
  }

  /** A lambda expression: {@code []'declarator'{...}}. */
  static final class Lambda extends Expr {
    final Node closure;

    Lambda(Node closure) {
      super(Prec.PRIMARY);
      this.closure = closure;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append("[]");
      if (closure instanceof Names.Closure c) {
        c.printDeclarator(out);
      }
      out.append("{...}");
    }
  }
}
