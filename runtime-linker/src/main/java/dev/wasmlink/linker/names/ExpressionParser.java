package dev.wasmlink.linker.names;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <expression>} part of the grammar: operators applied to operands, literals ({@code <expr-primary>}),
 * and dependent names that could not be resolved when the template was mangled ({@code <unresolved-name>}). It
 * shares the {@link Parser}'s cursor and tables, since expressions contain types and names and vice versa.
 */
final class ExpressionParser {
  private final Parser parser;
  private final Cursor in;

  ExpressionParser(Parser parser) {
    this.parser = parser;
    this.in = parser.in;
  }

  private static Cursor.Failure fail() {
    return Cursor.fail();
  }

  /** {@code <decltype> ::= Dt <expression> E | DT <expression> E}. */
  Node decltype() {
    in.expect('D');
    if (!in.consume('t') && !in.consume('T')) {
      throw fail();
    }
    Node expr = expression();
    in.expect('E');
    return new Expressions.Enclosing("decltype", expr, Prec.PRIMARY);
  }

  /** {@code <expression>}, starting with an optional {@code gs} (global scope) prefix. */
  Node expression() {
    in.enter();
    Node result = expressionBody();
    in.leave();
    return result;
  }

  private Node expressionBody() {
    boolean global = in.consume("gs");
    Operators.Info op = Operators.parse(in);
    if (op != null) {
      return operatorExpression(op, global);
    }
    if (in.remaining() < 2) {
      throw fail();
    }
    char c = in.look();
    if (c == 'L') {
      return primary();
    }
    if (c == 'T') {
      return parser.templateParam();
    }
    if (c == 'f') {
      // A function parameter (fp, fL<digit>) or a fold expression (fl, fr, fL, fR followed by an operator).
      if (in.look(1) == 'p' || (in.look(1) == 'L' && Cursor.isDigit(in.look(2)))) {
        return functionParam();
      }
      return fold();
    }
    if (in.consume("il")) {
      return new Expressions.InitList(null, bracedList());
    }
    if (in.consume("nx")) {
      return new Expressions.Enclosing("noexcept ", expression(), Prec.UNARY);
    }
    if (in.consume("sp")) {
      return new Packs.Expansion(expression());
    }
    if (in.consume("sZ")) {
      if (in.look() == 'T') {
        return new Expressions.SizeofPack(parser.templateParam());
      }
      return new Expressions.Enclosing("sizeof... ", functionParam(), Prec.PRIMARY);
    }
    if (in.consume("sP")) {
      return new Expressions.Enclosing("sizeof... ", new Expressions.NodeList(parser.templateArgsUpToE()),
          Prec.PRIMARY);
    }
    if (in.consume("tl")) {
      Node type = parser.type();
      return new Expressions.InitList(type, bracedList());
    }
    if (in.consume("tr")) {
      return new Names.Plain("throw");
    }
    if (in.consume("tw")) {
      return new Names.Special("throw ", expression());
    }
    if (in.consume('u')) {
      return vendorExpression();
    }
    if (in.lookingAt("rq") || in.lookingAt("rQ")) {
      return requiresExpression();
    }
    if (in.lookingAt("mc") || in.lookingAt("so")) {
      // Member pointer conversions and subobject expressions are not supported.
      throw fail();
    }
    return unresolvedName(global);
  }

  private Node operatorExpression(Operators.Info op, boolean global) {
    String symbol = op.symbol();
    Prec prec = op.prec();
    switch (op.kind()) {
      case BINARY -> {
        Node lhs = expression();
        return new Expressions.Binary(lhs, symbol, expression(), prec);
      }
      case PREFIX -> {
        return new Expressions.Prefix(symbol, expression(), prec);
      }
      case POSTFIX -> {
        // pp_ <expression> is the prefix form.
        if (in.consume('_')) {
          return new Expressions.Prefix(symbol, expression(), prec);
        }
        return new Expressions.Postfix(expression(), symbol, prec);
      }
      case ARRAY -> {
        Node base = expression();
        return new Expressions.Subscript(base, expression(), prec);
      }
      case MEMBER -> {
        Node object = expression();
        return new Expressions.Member(object, symbol, expression(), prec);
      }
      case NEW -> {
        // [gs] nw <expression>* _ <type> [pi <expression>*] E
        List<Node> placement = new ArrayList<>();
        while (!in.consume('_')) {
          placement.add(expression());
        }
        Node type = parser.type();
        boolean hasInit = in.consume("pi");
        List<Node> init = new ArrayList<>();
        while (!in.consume('E')) {
          if (!hasInit) {
            throw fail();
          }
          init.add(expression());
        }
        return new Expressions.New(placement, type, init, global, op.flag(), prec);
      }
      case DELETE -> {
        return new Expressions.Delete(expression(), global, op.flag(), prec);
      }
      case CALL -> {
        Node callee = expression();
        List<Node> args = new ArrayList<>();
        while (!in.consume('E')) {
          args.add(expression());
        }
        return new Expressions.Call(callee, args, prec);
      }
      case CAST -> {
        // cv <type> <expression> | cv <type> _ <expression>* E
        Node type;
        boolean saved = parser.tryToParseTemplateArgs;
        parser.tryToParseTemplateArgs = false;
        try {
          type = parser.type();
        } finally {
          parser.tryToParseTemplateArgs = saved;
        }
        boolean many = in.consume('_');
        List<Node> operands = new ArrayList<>();
        while (!in.consume('E')) {
          operands.add(expression());
          if (!many) {
            break;
          }
        }
        if (!many && operands.size() != 1) {
          throw fail();
        }
        return new Expressions.Conversion(type, operands, prec);
      }
      case CONDITIONAL -> {
        Node condition = expression();
        Node whenTrue = expression();
        return new Expressions.Conditional(condition, whenTrue, expression(), prec);
      }
      case NAMED_CAST -> {
        Node type = parser.type();
        return new Expressions.NamedCast(symbol, type, expression(), prec);
      }
      case OF_ID -> {
        Node operand = op.flag() ? parser.type() : expression();
        return new Expressions.Enclosing(symbol, operand, prec);
      }
      default -> throw fail();
    }
  }

  /**
   * <pre>
   * &lt;expression&gt; ::= rQ &lt;parameter type&gt;+ _ &lt;requirement&gt;+ E | rq &lt;requirement&gt;+ E
   * &lt;requirement&gt; ::= X &lt;expression&gt; [N] [R &lt;type-constraint&gt;] | T &lt;type&gt; | Q &lt;constraint-expression&gt;
   * </pre>
   */
  private Node requiresExpression() {
    boolean hasParams = in.consume("rQ");
    if (!hasParams) {
      in.expect('r');
      in.expect('q');
    }
    List<Node> params = new ArrayList<>();
    if (hasParams) {
      while (!in.consume('_')) {
        params.add(parser.type());
      }
    }
    List<Node> requirements = new ArrayList<>();
    do {
      if (in.consume('X')) {
        Node expr = expression();
        boolean noexcept = in.consume('N');
        Node typeConstraint = in.consume('R') ? parser.name(null) : null;
        requirements.add(new Expressions.Requirement(Expressions.Requirement.Kind.EXPRESSION, expr, noexcept,
            typeConstraint));
      } else if (in.consume('T')) {
        requirements.add(new Expressions.Requirement(Expressions.Requirement.Kind.TYPE, parser.type(), false,
            null));
      } else if (in.consume('Q')) {
        requirements.add(new Expressions.Requirement(Expressions.Requirement.Kind.NESTED, parser.constraint(),
            false, null));
      } else {
        throw fail();
      }
    } while (!in.consume('E'));
    return new Expressions.Requires(params, requirements);
  }

  /** The elements of a braced initializer up to {@code E}. */
  private List<Node> bracedList() {
    List<Node> inits = new ArrayList<>();
    while (!in.consume('E')) {
      inits.add(bracedExpression());
    }
    return inits;
  }

  /**
   * <pre>
   * &lt;braced-expression&gt; ::= &lt;expression&gt; | di &lt;field source-name&gt; &lt;braced-expression&gt;
   *                     ::= dx &lt;index expression&gt; &lt;braced-expression&gt;
   *                     ::= dX &lt;range begin expression&gt; &lt;range end expression&gt; &lt;braced-expression&gt;
   * </pre>
   */
  private Node bracedExpression() {
    if (in.look() == 'd') {
      switch (in.look(1)) {
        case 'i' -> {
          in.skip(2);
          Node field = parser.sourceName();
          return new Expressions.Designated(field, null, false, bracedExpression());
        }
        case 'x' -> {
          in.skip(2);
          Node index = expression();
          return new Expressions.Designated(index, null, true, bracedExpression());
        }
        case 'X' -> {
          in.skip(2);
          Node first = expression();
          Node last = expression();
          return new Expressions.Designated(first, last, true, bracedExpression());
        }
        default -> {
          // An ordinary expression starting with d (dt, de, dl...).
        }
      }
    }
    return expression();
  }

  /** {@code <fold-expression> ::= fl|fr|fL|fR <binary operator> <expression> [<expression>]}. */
  private Node fold() {
    in.expect('f');
    boolean leftFold;
    boolean hasInit;
    switch (in.look()) {
      case 'L' -> {
        leftFold = true;
        hasInit = true;
      }
      case 'R' -> {
        leftFold = false;
        hasInit = true;
      }
      case 'l' -> {
        leftFold = true;
        hasInit = false;
      }
      case 'r' -> {
        leftFold = false;
        hasInit = false;
      }
      default -> throw fail();
    }
    in.skip(1);
    Operators.Info op = Operators.parse(in);
    if (op == null || !(op.kind() == Operators.Kind.BINARY
        || (op.kind() == Operators.Kind.MEMBER && op.name().endsWith("*")))) {
      throw fail();
    }
    Node pack = expression();
    Node init = hasInit ? expression() : null;
    if (leftFold && init != null) {
      Node swap = pack;
      pack = init;
      init = swap;
    }
    return new Expressions.Fold(leftFold, op.symbol(), pack, init);
  }

  /**
   * <pre>
   * &lt;function-param&gt; ::= fpT | fp [&lt;CV-qualifiers&gt;] [&lt;number&gt;] _
   *                  ::= fL &lt;number&gt; p [&lt;CV-qualifiers&gt;] [&lt;number&gt;] _
   * </pre>
   */
  private Node functionParam() {
    if (in.consume("fpT")) {
      return new Names.Plain("this");
    }
    if (in.consume("fp")) {
      parser.cvQualifiers();
      String number = in.number(false);
      in.expect('_');
      return new Expressions.FunctionParam(number);
    }
    if (in.consume("fL")) {
      if (in.number(false).isEmpty()) {
        throw fail();
      }
      in.expect('p');
      parser.cvQualifiers();
      String number = in.number(false);
      in.expect('_');
      return new Expressions.FunctionParam(number);
    }
    throw fail();
  }

  /** {@code u <source-name> <template-arg>* E}: a vendor extended expression, printed as a call. */
  private Node vendorExpression() {
    Node name = parser.sourceName();
    List<Node> args;
    // Microsoft's __uuidof is mangled with t (type) or z (expression) where a template argument would be.
    if (name.baseName().equals("__uuidof") && (in.look() == 't' || in.look() == 'z')) {
      args = new ArrayList<>();
      args.add(in.consume('t') ? parser.type() : consumeAndParseExpression());
    } else {
      args = parser.templateArgsUpToE();
    }
    return new Expressions.Call(name, args, Prec.POSTFIX);
  }

  private Node consumeAndParseExpression() {
    in.expect('z');
    return expression();
  }

  /**
   * <pre>
   * &lt;expr-primary&gt; ::= L &lt;type&gt; &lt;value number&gt; E      # integer literal
   *                ::= L &lt;type&gt; &lt;value float&gt; E       # floating literal
   *                ::= L &lt;string type&gt; E               # string literal
   *                ::= L Dn [0] E                      # nullptr
   *                ::= L _Z &lt;encoding&gt; E               # external name
   *                ::= L &lt;lambda unnamed-type-name&gt; E  # lambda expression
   * </pre>
   */
  Node primary() {
    in.expect('L');
    char c = in.look();
    switch (c) {
      case 'w' -> {
        return integerLiteral("wchar_t");
      }
      case 'b' -> {
        if (in.consume("b0E")) {
          return new Names.Plain("false");
        }
        if (in.consume("b1E")) {
          return new Names.Plain("true");
        }
        throw fail();
      }
      case 'c' -> {
        return integerLiteral("char");
      }
      case 'a' -> {
        return integerLiteral("signed char");
      }
      case 'h' -> {
        return integerLiteral("unsigned char");
      }
      case 's' -> {
        return integerLiteral("short");
      }
      case 't' -> {
        return integerLiteral("unsigned short");
      }
      case 'i' -> {
        return integerLiteral("");
      }
      case 'j' -> {
        return integerLiteral("u");
      }
      case 'l' -> {
        return integerLiteral("l");
      }
      case 'm' -> {
        return integerLiteral("ul");
      }
      case 'x' -> {
        return integerLiteral("ll");
      }
      case 'y' -> {
        return integerLiteral("ull");
      }
      case 'n' -> {
        return integerLiteral("__int128");
      }
      case 'o' -> {
        return integerLiteral("unsigned __int128");
      }
      case 'f' -> {
        in.skip(1);
        return FloatLiteral.parse(in, FloatLiteral.Width.FLOAT);
      }
      case 'd' -> {
        in.skip(1);
        return FloatLiteral.parse(in, FloatLiteral.Width.DOUBLE);
      }
      case 'e' -> {
        in.skip(1);
        return FloatLiteral.parse(in, FloatLiteral.Width.X87);
      }
      case '_' -> {
        if (in.consume("_Z")) {
          Node encoding = parser.encoding();
          in.expect('E');
          return encoding;
        }
        throw fail();
      }
      case 'A' -> {
        Node type = parser.type();
        in.expect('E');
        return new Expressions.StringLiteral(type);
      }
      case 'D' -> {
        if (in.consume("Dn")) {
          in.consume('0');
          if (in.consume('E')) {
            return new Names.Plain("nullptr");
          }
        }
        throw fail();
      }
      case 'T' -> throw fail();
      case 'U' -> {
        if (in.look(1) != 'l') {
          throw fail();
        }
        Node closure = parser.lambdaClosure();
        in.expect('E');
        return new Expressions.Lambda(closure);
      }
      default -> {
        Node type = parser.type();
        String value = in.number(true);
        if (value.isEmpty()) {
          throw fail();
        }
        in.expect('E');
        return new Expressions.EnumLiteral(type, value);
      }
    }
  }

  private Node integerLiteral(String type) {
    in.skip(1);
    String value = in.number(true);
    if (value.isEmpty() || !in.consume('E')) {
      throw fail();
    }
    return new Expressions.IntegerLiteral(type, value);
  }

  /**
   * <pre>
   * &lt;unresolved-name&gt; ::= [gs] &lt;base-unresolved-name&gt;
   *                   ::= sr &lt;unresolved-type&gt; [&lt;template-args&gt;] &lt;base-unresolved-name&gt;
   *                   ::= srN &lt;unresolved-type&gt; [&lt;template-args&gt;] &lt;simple-id&gt;* E &lt;base-unresolved-name&gt;
   *                   ::= [gs] sr &lt;simple-id&gt;+ E &lt;base-unresolved-name&gt;
   * </pre>
   */
  private Node unresolvedName(boolean global) {
    if (in.consume("srN")) {
      Node soFar = withTemplateArgs(parser.unresolvedType());
      while (!in.consume('E')) {
        soFar = new Names.Nested(soFar, simpleId());
      }
      return new Names.Nested(soFar, baseUnresolvedName());
    }
    if (!in.consume("sr")) {
      Node name = baseUnresolvedName();
      return global ? new Names.Global(name) : name;
    }
    Node soFar = null;
    if (Cursor.isDigit(in.look())) {
      do {
        Node qualifier = simpleId();
        if (soFar != null) {
          soFar = new Names.Nested(soFar, qualifier);
        } else if (global) {
          soFar = new Names.Global(qualifier);
        } else {
          soFar = qualifier;
        }
      } while (!in.consume('E'));
    } else {
      soFar = withTemplateArgs(parser.unresolvedType());
    }
    return new Names.Nested(soFar, baseUnresolvedName());
  }

  /** {@code <simple-id> ::= <source-name> [<template-args>]}. */
  private Node simpleId() {
    return withTemplateArgs(parser.sourceName());
  }

  /** {@code name [<template-args>]}: the name, followed by its template arguments when an {@code I} comes next. */
  private Node withTemplateArgs(Node name) {
    if (in.look() == 'I') {
      return new Names.WithTemplateArgs(name, parser.templateArgs(false));
    }
    return name;
  }

  /**
   * <pre>
   * &lt;base-unresolved-name&gt; ::= &lt;simple-id&gt; | [on] &lt;operator-name&gt; [&lt;template-args&gt;]
   *                        ::= dn &lt;destructor-name&gt;
   * </pre>
   */
  private Node baseUnresolvedName() {
    if (Cursor.isDigit(in.look())) {
      return simpleId();
    }
    if (in.consume("dn")) {
      // <destructor-name> ::= <unresolved-type> | <simple-id>
      Node type = Cursor.isDigit(in.look()) ? simpleId() : parser.unresolvedType();
      return new Names.DtorName(type);
    }
    in.consume("on");
    return withTemplateArgs(parser.operatorName(null));
  }
}
