package dev.wasmlink.linker.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the Itanium C++ ABI mangling grammar (section 5.1 of the ABI), producing the
 * {@link Node} tree. The grammar rule each method reads is quoted in its comment. Any mismatch throws
 * {@link Cursor.Failure} through {@link Cursor#fail()}.
 *
 * <p>Besides the text, the grammar has two memories: the substitution table ({@code S_}, {@code S0_}... name
 * earlier components again) and the template argument lists ({@code T_}, {@code T0_}... name the arguments of the
 * template being declared).
 */
final class Parser {
  final Cursor in;
  final ExpressionParser expressions;

  /** Components that later {@code S <seq-id> _} references may name, in order of appearance. */
  private final List<Node> substitutions = new ArrayList<>();

  /**
   * Template argument lists that {@code T_} (level 0) and {@code TL0__} (deeper, lambda levels) refer to. An entry
   * may be null: a generic lambda's level whose parameters are only {@code auto}. Level 0, when set, holds the
   * arguments of the outermost name of the current encoding; each {@link #templateArgs} call that sets it makes a
   * new list, so an enclosing encoding's list is never changed by a nested one.
   */
  private List<List<Node>> templateParams = new ArrayList<>();

  /** While parsing a conversion operator's type, {@code T_} may refer to template arguments not yet read. */
  private boolean permitForwardReferences;
  private final List<Packs.ForwardReference> forwardReferences = new ArrayList<>();

  /** Off while reading a conversion operator's type, where {@code I} starts the operator's own template args. */
  boolean tryToParseTemplateArgs = true;

  /** The template parameter level of the lambda whose parameter types are being read; -1 outside one. */
  private int parsingLambdaParamsAtLevel = -1;

  /**
   * Inside a constraint ({@code Q ...}) template parameters print as written ({@code T}, {@code TL0_}): LLVM does
   * not track the enclosing template levels there, and neither can a demangler that must print what it prints.
   */
  private boolean inConstraint;

  /** Numbering of the invented names of template parameters a lambda declares: types, non-types, templates. */
  private final int[] syntheticParamCounts = new int[3];

  /** What parsing a function's name learned that the rest of its encoding depends on. */
  static final class NameState {
    /** Constructors, destructors and conversion operators have no return type in the mangling. */
    boolean ctorDtorConversion;
    /** A template function's encoding carries its return type. */
    boolean endsWithTemplateArgs;
    int cvQualifiers;
    String refQualifier = "";
    boolean explicitObjectParameter;
    final int forwardReferencesBegin;

    NameState(Parser parser) {
      forwardReferencesBegin = parser.forwardReferences.size();
    }
  }

  Parser(Cursor in) {
    this.in = in;
    this.expressions = new ExpressionParser(this);
  }

  Cursor.Failure fail() {
    return Cursor.fail();
  }

  // ---------------------------------------------------------------------------------------------- encodings

  /**
   * <pre>
   * &lt;encoding&gt; ::= &lt;function name&gt; &lt;bare-function-type&gt;
   *            ::= &lt;data name&gt;
   *            ::= &lt;special-name&gt;
   * </pre>
   * The template arguments of an encoding are its own: those of an enclosing encoding are set aside meanwhile.
   */
  Node encoding() {
    List<List<Node>> savedParams = templateParams;
    templateParams = new ArrayList<>();
    in.enter();
    try {
      return encodingBody();
    } finally {
      in.leave();
      templateParams = savedParams;
    }
  }

  private boolean atEndOfEncoding() {
    return in.atEnd() || in.look() == 'E' || in.look() == '.' || in.look() == '_';
  }

  private Node encodingBody() {
    if (in.look() == 'G' || in.look() == 'T') {
      return specialName();
    }
    NameState state = new NameState(this);
    Node name = name(state);
    resolveForwardReferences(state);
    if (atEndOfEncoding()) {
      return name;
    }
    Node attributes = null;
    if (in.consume("Ua9enable_ifI")) {
      attributes = new Names.EnableIf(templateArgsUpToE());
    }
    Node returnType = null;
    if (!state.ctorDtorConversion && state.endsWithTemplateArgs) {
      returnType = type();
    }
    List<Node> params = new ArrayList<>();
    if (!in.consume('v')) {
      do {
        Node param = type();
        if (state.explicitObjectParameter && params.isEmpty()) {
          param = new Names.Special("this ", param);
        }
        params.add(param);
      } while (!atEndOfEncoding() && in.look() != 'Q');
    }
    Node requires = in.consume('Q') ? constraint() : null;
    return new Names.FunctionEncoding(returnType, name, params, attributes, requires, state.cvQualifiers,
        state.refQualifier);
  }

  /** {@code <constraint-expression> ::= <expression>}, the condition of a requires clause. */
  Node constraint() {
    boolean saved = inConstraint;
    inConstraint = true;
    try {
      return expressions.expression();
    } finally {
      inConstraint = saved;
    }
  }

  private void resolveForwardReferences(NameState state) {
    for (int i = state.forwardReferencesBegin; i < forwardReferences.size(); i++) {
      Packs.ForwardReference reference = forwardReferences.get(i);
      if (templateParams.isEmpty() || templateParams.get(0) == null
          || reference.index >= templateParams.get(0).size()) {
        throw fail();
      }
      reference.target = templateParams.get(0).get(reference.index);
    }
    while (forwardReferences.size() > state.forwardReferencesBegin) {
      forwardReferences.remove(forwardReferences.size() - 1);
    }
  }

  /**
   * <pre>
   * &lt;special-name&gt; ::= TV &lt;type&gt; | TT &lt;type&gt; | TI &lt;type&gt; | TS &lt;type&gt; | TA &lt;template-arg&gt;
   *                ::= T &lt;call-offset&gt; &lt;base encoding&gt; | Tc &lt;call-offset&gt; &lt;call-offset&gt; &lt;base encoding&gt;
   *                ::= TC &lt;type&gt; &lt;number&gt; _ &lt;type&gt; | TW &lt;name&gt; | TH &lt;name&gt;
   *                ::= GV &lt;name&gt; | GR &lt;name&gt; [&lt;seq-id&gt;] _ | GI &lt;module-name&gt;
   * </pre>
   */
  private Node specialName() {
    char second = in.look(1);
    if (in.look() == 'T') {
      switch (second) {
        case 'A' -> {
          in.skip(2);
          return new Names.Special("template parameter object for ", templateArg());
        }
        case 'V' -> {
          in.skip(2);
          return new Names.Special("vtable for ", type());
        }
        case 'T' -> {
          in.skip(2);
          return new Names.Special("VTT for ", type());
        }
        case 'I' -> {
          in.skip(2);
          return new Names.Special("typeinfo for ", type());
        }
        case 'S' -> {
          in.skip(2);
          return new Names.Special("typeinfo name for ", type());
        }
        case 'c' -> {
          in.skip(2);
          callOffset();
          callOffset();
          return new Names.Special("covariant return thunk to ", encoding());
        }
        case 'C' -> {
          in.skip(2);
          Node derived = type();
          if (in.number(true).isEmpty() || !in.consume('_')) {
            throw fail();
          }
          Node base = type();
          return new Names.ConstructionVtable(base, derived);
        }
        case 'W' -> {
          in.skip(2);
          return new Names.Special("thread-local wrapper routine for ", name(null));
        }
        case 'H' -> {
          in.skip(2);
          return new Names.Special("thread-local initialization routine for ", name(null));
        }
        default -> {
          in.skip(1);
          boolean virtual = in.look() == 'v';
          callOffset();
          Node base = encoding();
          return new Names.Special(virtual ? "virtual thunk to " : "non-virtual thunk to ", base);
        }
      }
    }
    switch (second) {
      case 'V' -> {
        in.skip(2);
        return new Names.Special("guard variable for ", name(null));
      }
      case 'R' -> {
        in.skip(2);
        Node name = name(null);
        boolean hasSeqId = in.seqId() >= 0;
        if (!in.consume('_') && hasSeqId) {
          throw fail();
        }
        return new Names.Special("reference temporary for ", name);
      }
      case 'I' -> {
        in.skip(2);
        Names.Module module = moduleNameOpt(null);
        if (module == null) {
          throw fail();
        }
        return new Names.Special("initializer for module ", module);
      }
      default -> throw fail();
    }
  }

  /** {@code <call-offset> ::= h <number> _ | v <number> _ <number> _}; the offsets do not print. */
  private void callOffset() {
    if (in.consume('h')) {
      if (in.number(true).isEmpty() || !in.consume('_')) {
        throw fail();
      }
    } else if (in.consume('v')) {
      if (in.number(true).isEmpty() || !in.consume('_') || in.number(true).isEmpty() || !in.consume('_')) {
        throw fail();
      }
    } else {
      throw fail();
    }
  }

  // -------------------------------------------------------------------------------------------------- names

  /**
   * <pre>
   * &lt;name&gt; ::= &lt;nested-name&gt; | &lt;local-name&gt;
   *        ::= &lt;unscoped-name&gt; | &lt;unscoped-template-name&gt; &lt;template-args&gt;
   * </pre>
   * {@code state} is null unless this is the name of an encoding.
   */
  Node name(NameState state) {
    in.enter();
    Node result = nameBody(state);
    in.leave();
    return result;
  }

  private Node nameBody(NameState state) {
    if (in.look() == 'N') {
      return nestedName(state);
    }
    if (in.look() == 'Z') {
      return localName(state);
    }
    boolean[] isSubstitution = {false};
    Node result = unscopedName(state, isSubstitution);
    if (in.look() == 'I') {
      if (!isSubstitution[0]) {
        substitutions.add(result);
      }
      Node args = templateArgs(state != null);
      if (state != null) {
        state.endsWithTemplateArgs = true;
      }
      return new Names.WithTemplateArgs(result, args);
    }
    if (isSubstitution[0]) {
      // A substitution alone is not a name: it must be a template given arguments.
      throw fail();
    }
    return result;
  }

  /** {@code <unscoped-name> ::= [St] <unqualified-name> | <substitution>} (the latter only before template args). */
  Node unscopedName(NameState state, boolean[] isSubstitution) {
    Node std = null;
    if (in.consume("St")) {
      std = new Names.Plain("std");
    }
    Node result = null;
    Names.Module module = null;
    if (in.look() == 'S') {
      Node sub = substitution();
      if (sub instanceof Names.Module m) {
        module = m;
      } else if (isSubstitution != null && std == null) {
        result = sub;
        isSubstitution[0] = true;
      } else {
        throw fail();
      }
    }
    if (result == null || std != null) {
      result = unqualifiedName(state, std, module);
    }
    return result;
  }

  /**
   * <pre>
   * &lt;unqualified-name&gt; ::= [&lt;module-name&gt;] [F] [L] &lt;operator-name&gt; [&lt;abi-tags&gt;]
   *                    ::= ... &lt;ctor-dtor-name&gt; | &lt;source-name&gt; | &lt;unnamed-type-name&gt;
   *                    ::= ... DC &lt;source-name&gt;+ E      # structured binding
   * </pre>
   * Returns the name qualified by {@code scope} when there is one.
   */
  private Node unqualifiedName(NameState state, Node scope, Names.Module module) {
    module = moduleNameOpt(module);
    boolean memberLikeFriend = scope != null && in.consume('F');
    in.consume('L');
    Node result;
    char c = in.look();
    if (c >= '1' && c <= '9') {
      result = sourceName();
    } else if (c == 'U') {
      result = unnamedTypeName(state);
    } else if (in.consume("DC")) {
      List<Node> bindings = new ArrayList<>();
      do {
        bindings.add(sourceName());
      } while (!in.consume('E'));
      result = new Names.StructuredBinding(bindings);
    } else if (c == 'C' || c == 'D') {
      if (scope == null || module != null) {
        throw fail();
      }
      Node[] scopeRef = {scope};
      result = ctorDtorName(scopeRef, state);
      scope = scopeRef[0];
    } else {
      result = operatorName(state);
    }
    if (module != null) {
      result = new Names.ModuleEntity(module, result);
    }
    result = abiTags(result);
    if (memberLikeFriend) {
      return new Names.Nested(scope, "::friend ", result);
    }
    return scope != null ? new Names.Nested(scope, result) : result;
  }

  /** {@code <module-name> ::= <module-subname>+}, each {@code W [P] <source-name>} and substitutable. */
  private Names.Module moduleNameOpt(Names.Module module) {
    while (in.consume('W')) {
      boolean partition = in.consume('P');
      module = new Names.Module(module, sourceName(), partition);
      substitutions.add(module);
    }
    return module;
  }

  /** {@code <source-name> ::= <length> <identifier>}; GCC's and Clang's anonymous namespace prints as such. */
  Node sourceName() {
    String name = in.bareSourceName();
    if (name.startsWith("_GLOBAL__N")) {
      return new Names.Plain("(anonymous namespace)");
    }
    return new Names.Plain(name);
  }

  /** {@code <abi-tags> ::= (B <source-name>)*}. */
  Node abiTags(Node node) {
    while (in.consume('B')) {
      node = new Names.AbiTag(node, in.bareSourceName());
    }
    return node;
  }

  /**
   * <pre>
   * &lt;nested-name&gt; ::= N [&lt;CV-qualifiers&gt;] [&lt;ref-qualifier&gt;] &lt;prefix&gt; &lt;unqualified-name&gt; E
   *               ::= N [&lt;CV-qualifiers&gt;] [&lt;ref-qualifier&gt;] &lt;template-prefix&gt; &lt;template-args&gt; E
   *               ::= N H &lt;prefix&gt; &lt;unqualified-name&gt; E    # explicit object parameter
   * </pre>
   * Every prefix is substitutable, except the whole name.
   */
  private Node nestedName(NameState state) {
    in.expect('N');
    if (!in.consume('H')) {
      int cv = cvQualifiers();
      String ref = in.consume('O') ? " &&" : in.consume('R') ? " &" : "";
      if (state != null) {
        state.cvQualifiers = cv;
        state.refQualifier = ref;
      }
    } else if (state != null) {
      state.explicitObjectParameter = true;
    }
    Node soFar = null;
    while (!in.consume('E')) {
      if (state != null) {
        state.endsWithTemplateArgs = false;
      }
      char c = in.look();
      if (c == 'T') {
        if (soFar != null) {
          throw fail();
        }
        soFar = templateParam();
      } else if (c == 'I') {
        if (soFar == null || soFar instanceof Names.WithTemplateArgs) {
          throw fail();
        }
        Node args = templateArgs(state != null);
        if (state != null) {
          state.endsWithTemplateArgs = true;
        }
        soFar = new Names.WithTemplateArgs(soFar, args);
      } else if (c == 'D' && (in.look(1) == 't' || in.look(1) == 'T')) {
        if (soFar != null) {
          throw fail();
        }
        soFar = expressions.decltype();
      } else {
        Names.Module module = null;
        if (c == 'S') {
          Node sub;
          if (in.look(1) == 't') {
            in.skip(2);
            sub = new Names.Plain("std");
          } else {
            sub = substitution();
          }
          if (sub instanceof Names.Module m) {
            module = m;
          } else if (soFar != null) {
            throw fail();
          } else {
            soFar = sub;
            continue;
          }
        }
        soFar = unqualifiedName(state, soFar, module);
      }
      substitutions.add(soFar);
      // <data-member-prefix> ::= <member source-name> [<template-args>] M  (the M carries no meaning here)
      in.consume('M');
    }
    if (soFar == null || substitutions.isEmpty()) {
      throw fail();
    }
    substitutions.remove(substitutions.size() - 1);
    return soFar;
  }

  /**
   * <pre>
   * &lt;local-name&gt; ::= Z &lt;function encoding&gt; E &lt;entity name&gt; [&lt;discriminator&gt;]
   *              ::= Z &lt;function encoding&gt; E s [&lt;discriminator&gt;]     # string literal
   *              ::= Z &lt;function encoding&gt; E d [&lt;number&gt;] _ &lt;entity name&gt;  # default argument
   * </pre>
   */
  private Node localName(NameState state) {
    in.expect('Z');
    Node function = encoding();
    in.expect('E');
    if (in.consume('s')) {
      discriminator();
      return new Names.Local(function, new Names.Plain("string literal"));
    }
    if (in.consume('d')) {
      in.number(true);
      in.expect('_');
      return new Names.Local(function, name(state));
    }
    Node entity = name(state);
    discriminator();
    return new Names.Local(function, entity);
  }

  /**
   * {@code <discriminator> ::= _ <digit> | __ <number> _}, and digits alone at the very end (an extension); it tells
   * apart same-named entities of one function and does not print. Anything else is left for the caller.
   */
  private void discriminator() {
    if (in.look() == '_') {
      if (Cursor.isDigit(in.look(1))) {
        in.skip(2);
      } else if (in.look(1) == '_') {
        int i = 2;
        while (Cursor.isDigit(in.look(i))) {
          i++;
        }
        if (in.look(i) == '_') {
          in.skip(i + 1);
        }
      }
    } else if (Cursor.isDigit(in.look())) {
      int i = 1;
      while (Cursor.isDigit(in.look(i))) {
        i++;
      }
      if (i == in.remaining()) {
        in.skip(i);
      }
    }
  }

  /**
   * <pre>
   * &lt;ctor-dtor-name&gt; ::= C1 | C2 | C3 | C4 | C5 | CI1 &lt;base class type&gt; | CI2 &lt;base class type&gt;
   *                  ::= D0 | D1 | D2 | D4 | D5
   * </pre>
   * {@code scope[0]} is the class; a standard abbreviation there is expanded (see {@link Names.StdSubstitution}).
   */
  private Node ctorDtorName(Node[] scope, NameState state) {
    if (scope[0] instanceof Names.StdSubstitution std) {
      scope[0] = new Names.StdSubstitution(std.kind, true);
    }
    if (in.consume('C')) {
      boolean inherited = in.consume('I');
      char variant = in.look();
      if (variant < '1' || variant > '5') {
        throw fail();
      }
      in.skip(1);
      if (state != null) {
        state.ctorDtorConversion = true;
      }
      if (inherited) {
        // The class the constructor is inherited from does not print.
        name(state);
      }
      return new Names.CtorDtor(scope[0], false);
    }
    char variant = in.look(1);
    if (in.look() == 'D' && (variant == '0' || variant == '1' || variant == '2' || variant == '4'
        || variant == '5')) {
      in.skip(2);
      if (state != null) {
        state.ctorDtorConversion = true;
      }
      return new Names.CtorDtor(scope[0], true);
    }
    throw fail();
  }

  /**
   * <pre>
   * &lt;operator-name&gt; ::= &lt;two-letter code&gt; | cv &lt;type&gt; | li &lt;source-name&gt; | v &lt;digit&gt; &lt;source-name&gt;
   * </pre>
   */
  Node operatorName(NameState state) {
    Operators.Info op = Operators.parse(in);
    if (op != null) {
      if (op.kind() == Operators.Kind.CAST) {
        // The converted-to type of a conversion operator template names the operator's template parameters,
        // whose arguments come after it; an I here starts those arguments, not the type's.
        boolean savedTry = tryToParseTemplateArgs;
        boolean savedPermit = permitForwardReferences;
        tryToParseTemplateArgs = false;
        permitForwardReferences = permitForwardReferences || state != null;
        Node type;
        try {
          type = type();
        } finally {
          tryToParseTemplateArgs = savedTry;
          permitForwardReferences = savedPermit;
        }
        if (state != null) {
          state.ctorDtorConversion = true;
        }
        return new Names.Special("operator ", type);
      }
      if (!op.kind().nameable() || (op.kind() == Operators.Kind.MEMBER && !op.flag())) {
        throw fail();
      }
      return new Names.Plain(op.name());
    }
    if (in.consume("li")) {
      return new Names.Special("operator\"\" ", sourceName());
    }
    if (in.consume('v') && Cursor.isDigit(in.look())) {
      in.skip(1);
      return new Names.Special("operator ", sourceName());
    }
    throw fail();
  }

  /**
   * <pre>
   * &lt;unnamed-type-name&gt; ::= Ut [&lt;number&gt;] _
   *                     ::= Ul &lt;template-param-decl&gt;* &lt;lambda-sig&gt; E [&lt;number&gt;] _
   *                     ::= Ub [&lt;number&gt;] _       # block literal
   * </pre>
   */
  private Node unnamedTypeName(NameState state) {
    // Template parameters inside refer to the innermost template arguments only.
    if (state != null) {
      templateParams.clear();
    }
    if (in.consume("Ut")) {
      String count = in.number(false);
      in.expect('_');
      return new Names.UnnamedType(count);
    }
    if (in.consume("Ul")) {
      return lambda();
    }
    if (in.consume("Ub")) {
      in.number(false);
      in.expect('_');
      return new Names.Plain("'block-literal'");
    }
    throw fail();
  }

  private Node lambda() {
    int savedLevel = parsingLambdaParamsAtLevel;
    int savedDepth = templateParams.size();
    parsingLambdaParamsAtLevel = templateParams.size();
    List<Node> lambdaParams = new ArrayList<>();
    templateParams.add(lambdaParams);
    try {
      List<Node> declarations = new ArrayList<>();
      while (isTemplateParamDecl()) {
        declarations.add(templateParamDecl(lambdaParams));
      }
      if (declarations.isEmpty()) {
        // No explicit template parameters: the level exists only if an auto parameter creates it below.
        templateParams.remove(templateParams.size() - 1);
      }
      Node requires1 = in.consume('Q') ? constraint() : null;
      List<Node> params = new ArrayList<>();
      if (!in.consume('v')) {
        do {
          params.add(type());
        } while (in.look() != 'E' && in.look() != 'Q');
      }
      Node requires2 = in.consume('Q') ? constraint() : null;
      in.expect('E');
      String count = in.number(false);
      in.expect('_');
      return new Names.Closure(declarations, requires1, params, requires2, count);
    } finally {
      parsingLambdaParamsAtLevel = savedLevel;
      while (templateParams.size() > savedDepth) {
        templateParams.remove(templateParams.size() - 1);
      }
    }
  }

  boolean isTemplateParamDecl() {
    return in.look() == 'T' && "yptnk".indexOf(in.look(1)) >= 0 && in.look(1) != '\0';
  }

  /**
   * <pre>
   * &lt;template-param-decl&gt; ::= Ty | Tk &lt;concept name&gt; | Tn &lt;type&gt; | Tp &lt;template-param-decl&gt;
   * </pre>
   * Template template parameters ({@code Tt}) are not supported. The invented
   * name is recorded in {@code params} (when given) so that {@code T_} inside the lambda finds it.
   */
  private Node templateParamDecl(List<Node> params) {
    if (in.consume("Ty")) {
      return new Packs.ParamDecl(null, inventParamName(0, "$T", params));
    }
    if (in.consume("Tk")) {
      Node concept;
      boolean saved = inConstraint;
      inConstraint = true;
      try {
        concept = name(null);
      } finally {
        inConstraint = saved;
      }
      return new Packs.ConstrainedParamDecl(concept, inventParamName(0, "$T", params));
    }
    if (in.consume("Tn")) {
      Node name = inventParamName(1, "$N", params);
      return new Packs.ParamDecl(type(), name);
    }
    if (in.consume("Tp")) {
      return new Packs.ParamPackDecl(templateParamDecl(params));
    }
    throw fail();
  }

  private Node inventParamName(int kind, String prefix, List<Node> params) {
    Node name = new Packs.SyntheticParamName(prefix, syntheticParamCounts[kind]++);
    if (params != null) {
      params.add(name);
    }
    return name;
  }

  /**
   * <pre>
   * &lt;substitution&gt; ::= S_ | S &lt;seq-id&gt; _ | St | Sa | Sb | Ss | Si | So | Sd
   * </pre>
   * ({@code St} is handled by the callers, as it is a prefix rather than a complete component.)
   */
  Node substitution() {
    in.expect('S');
    char c = in.look();
    if (c >= 'a' && c <= 'z') {
      Names.StdKind kind = switch (c) {
        case 'a' -> Names.StdKind.ALLOCATOR;
        case 'b' -> Names.StdKind.BASIC_STRING;
        case 'd' -> Names.StdKind.IOSTREAM;
        case 'i' -> Names.StdKind.ISTREAM;
        case 'o' -> Names.StdKind.OSTREAM;
        case 's' -> Names.StdKind.STRING;
        default -> throw fail();
      };
      in.skip(1);
      Node special = new Names.StdSubstitution(kind, false);
      Node tagged = abiTags(special);
      if (tagged != special) {
        substitutions.add(tagged);
      }
      return tagged;
    }
    if (in.consume('_')) {
      if (substitutions.isEmpty()) {
        throw fail();
      }
      return substitutions.get(0);
    }
    int index = in.seqId();
    if (index < 0) {
      throw fail();
    }
    index++;
    if (!in.consume('_') || index >= substitutions.size()) {
      throw fail();
    }
    return substitutions.get(index);
  }

  // ---------------------------------------------------------------------------------------------- templates

  /**
   * <pre>
   * &lt;template-param&gt; ::= T_ | T &lt;number&gt; _ | TL &lt;level&gt; __ | TL &lt;level&gt; _ &lt;number&gt; _
   * </pre>
   */
  Node templateParam() {
    int begin = in.position();
    in.expect('T');
    int level = 0;
    if (in.consume('L')) {
      level = in.positiveInteger() + 1;
      in.expect('_');
    }
    int index = 0;
    if (!in.consume('_')) {
      index = in.positiveInteger() + 1;
      in.expect('_');
    }
    if (inConstraint) {
      return new Names.Plain(in.text(begin, in.position() - 1));
    }
    if (permitForwardReferences && level == 0) {
      Packs.ForwardReference reference = new Packs.ForwardReference(index);
      forwardReferences.add(reference);
      return reference;
    }
    if (level >= templateParams.size() || templateParams.get(level) == null
        || index >= templateParams.get(level).size()) {
      // In a generic lambda's parameters, "auto" is mangled as a reference to an invented template parameter.
      if (parsingLambdaParamsAtLevel == level && level <= templateParams.size()) {
        if (level == templateParams.size()) {
          templateParams.add(null);
        }
        return new Names.Plain("auto");
      }
      throw fail();
    }
    return templateParams.get(level).get(index);
  }

  /**
   * {@code <template-args> ::= I <template-arg>+ E}. When these are the arguments of the entity being encoded
   * ({@code tagTemplates}), they become what {@code T_}... refer to from here on.
   */
  Node templateArgs(boolean tagTemplates) {
    in.expect('I');
    List<Node> level0 = null;
    if (tagTemplates) {
      level0 = new ArrayList<>();
      templateParams.clear();
      templateParams.add(level0);
    }
    List<Node> args = new ArrayList<>();
    while (!in.consume('E')) {
      Node arg = templateArg();
      args.add(arg);
      if (tagTemplates) {
        Node entry = arg;
        if (entry instanceof Packs.ParamQualifiedArg qualified) {
          entry = qualified.arg;
        }
        if (entry instanceof Packs.ArgumentPack pack) {
          entry = new Packs.Pack(pack.elements);
        }
        level0.add(entry);
      }
      if (in.consume('Q')) {
        // A requires clause on the template; it does not print.
        constraint();
        in.expect('E');
        break;
      }
    }
    return new Names.TemplateArgs(args);
  }

  /** {@code <template-arg>* E}: template arguments up to the {@code E} that ends them, which is consumed. */
  List<Node> templateArgsUpToE() {
    List<Node> args = new ArrayList<>();
    while (!in.consume('E')) {
      args.add(templateArg());
    }
    return args;
  }

  /**
   * <pre>
   * &lt;template-arg&gt; ::= &lt;type&gt; | X &lt;expression&gt; E | &lt;expr-primary&gt; | J &lt;template-arg&gt;* E
   *                ::= LZ &lt;encoding&gt; E | &lt;template-param-decl&gt; &lt;template-arg&gt;
   * </pre>
   */
  Node templateArg() {
    in.enter();
    Node result = templateArgBody();
    in.leave();
    return result;
  }

  private Node templateArgBody() {
    switch (in.look()) {
      case 'X' -> {
        in.skip(1);
        Node expr = expressions.expression();
        in.expect('E');
        return expr;
      }
      case 'J' -> {
        in.skip(1);
        return new Packs.ArgumentPack(templateArgsUpToE());
      }
      case 'L' -> {
        if (in.look(1) == 'Z') {
          in.skip(2);
          Node encoding = encoding();
          in.expect('E');
          return encoding;
        }
        return expressions.primary();
      }
      case 'T' -> {
        if (!isTemplateParamDecl()) {
          return type();
        }
        // Only the argument prints, but the declaration must still be read, and it numbers the invented names.
        templateParamDecl(null);
        return new Packs.ParamQualifiedArg(templateArg());
      }
      default -> {
        return type();
      }
    }
  }

  // -------------------------------------------------------------------------------------------------- types

  /** {@code <CV-qualifiers> ::= [r] [V] [K]}. */
  int cvQualifiers() {
    int qualifiers = 0;
    if (in.consume('r')) {
      qualifiers |= Types.RESTRICT;
    }
    if (in.consume('V')) {
      qualifiers |= Types.VOLATILE;
    }
    if (in.consume('K')) {
      qualifiers |= Types.CONST;
    }
    return qualifiers;
  }

  private static String builtin(char c) {
    return switch (c) {
      case 'v' -> "void";
      case 'w' -> "wchar_t";
      case 'b' -> "bool";
      case 'c' -> "char";
      case 'a' -> "signed char";
      case 'h' -> "unsigned char";
      case 's' -> "short";
      case 't' -> "unsigned short";
      case 'i' -> "int";
      case 'j' -> "unsigned int";
      case 'l' -> "long";
      case 'm' -> "unsigned long";
      case 'x' -> "long long";
      case 'y' -> "unsigned long long";
      case 'n' -> "__int128";
      case 'o' -> "unsigned __int128";
      case 'f' -> "float";
      case 'd' -> "double";
      case 'e' -> "long double";
      case 'g' -> "__float128";
      case 'z' -> "...";
      default -> null;
    };
  }

  private static String builtinD(char c) {
    return switch (c) {
      case 'd' -> "decimal64";
      case 'e' -> "decimal128";
      case 'f' -> "decimal32";
      case 'h' -> "half";
      case 'i' -> "char32_t";
      case 's' -> "char16_t";
      case 'u' -> "char8_t";
      case 'a' -> "auto";
      case 'c' -> "decltype(auto)";
      case 'n' -> "std::nullptr_t";
      default -> null;
    };
  }

  /**
   * {@code <type>}. Every type except builtins and plain substitutions is itself substitutable, so it is added to
   * the table once complete.
   */
  Node type() {
    in.enter();
    Node result = typeBody();
    in.leave();
    return result;
  }

  private Node typeBody() {
    char c = in.look();
    String builtin = builtin(c);
    if (builtin != null) {
      in.skip(1);
      return new Names.Plain(builtin);
    }
    Node result;
    switch (c) {
      case 'r', 'V', 'K' -> {
        int after = 0;
        if (in.look(after) == 'r') {
          after++;
        }
        if (in.look(after) == 'V') {
          after++;
        }
        if (in.look(after) == 'K') {
          after++;
        }
        char next = in.look(after + 1);
        if (in.look(after) == 'F'
            || (in.look(after) == 'D' && (next == 'o' || next == 'O' || next == 'w' || next == 'x'))) {
          result = functionType();
        } else {
          result = qualifiedType();
        }
      }
      case 'U' -> result = qualifiedType();
      case 'u' -> {
        // <builtin-type> ::= u <source-name> [<template-args>]   # vendor extended type, substitutable
        in.skip(1);
        String name = in.bareSourceName();
        if (in.consume('I')) {
          Node base = type();
          in.expect('E');
          result = new Types.Transformed(name, base);
        } else {
          result = new Names.Plain(name);
        }
      }
      case 'D' -> {
        char d = in.look(1);
        String named = builtinD(d);
        if (named != null) {
          in.skip(2);
          return new Names.Plain(named);
        }
        switch (d) {
          case 'F' -> {
            // DF <number> _  # ISO/IEC TS 18661 binary floating point type _FloatN
            in.skip(2);
            String bits = in.number(false);
            in.expect('_');
            return new Names.Plain("_Float" + bits);
          }
          case 'B', 'U' -> {
            // DB <number> _ / DB <expression> _  # _BitInt(N); DU is the unsigned one
            in.skip(2);
            Node size = Cursor.isDigit(in.look()) ? new Names.Plain(in.number(false)) : expressions.expression();
            in.expect('_');
            return new Types.BitInt(size, d == 'B');
          }
          case 't', 'T' -> result = expressions.decltype();
          case 'v' -> result = vectorType();
          case 'p' -> {
            // Dp <type>  # pack expansion
            in.skip(2);
            result = new Packs.Expansion(type());
          }
          case 'o', 'O', 'w', 'x' -> result = functionType();
          default -> throw fail();
        }
      }
      case 'F' -> result = functionType();
      case 'A' -> result = arrayType();
      case 'M' -> {
        // <pointer-to-member-type> ::= M <class type> <member type>
        in.skip(1);
        Node classType = type();
        result = new Types.PointerToMember(classType, type());
      }
      case 'T' -> {
        char t = in.look(1);
        if (t == 's' || t == 'u' || t == 'e') {
          result = classEnumType();
          break;
        }
        result = templateParam();
        // <template-template-param> <template-args>, unless an I here belongs to an enclosing construct.
        if (tryToParseTemplateArgs && in.look() == 'I') {
          substitutions.add(result);
          result = new Names.WithTemplateArgs(result, templateArgs(false));
        }
      }
      case 'P' -> {
        in.skip(1);
        result = new Types.Pointer(type());
      }
      case 'R' -> {
        in.skip(1);
        result = new Types.Reference(type(), false);
      }
      case 'O' -> {
        in.skip(1);
        result = new Types.Reference(type(), true);
      }
      case 'C' -> {
        in.skip(1);
        result = new Types.Postfix(type(), " complex");
      }
      case 'G' -> {
        in.skip(1);
        result = new Types.Postfix(type(), " imaginary");
      }
      case 'S' -> {
        if (in.look(1) == 't') {
          result = classEnumType();
          break;
        }
        boolean[] isSubstitution = {false};
        result = unscopedName(null, isSubstitution);
        if (in.look() == 'I' && (!isSubstitution[0] || tryToParseTemplateArgs)) {
          if (!isSubstitution[0]) {
            substitutions.add(result);
          }
          result = new Names.WithTemplateArgs(result, templateArgs(false));
        } else if (isSubstitution[0]) {
          return result;
        }
      }
      default -> result = classEnumType();
    }
    substitutions.add(result);
    return result;
  }

  /** {@code <class-enum-type> ::= [Ts | Tu | Te] <name>}. */
  private Node classEnumType() {
    String keyword = in.consume("Ts") ? "struct" : in.consume("Tu") ? "union" : in.consume("Te") ? "enum" : null;
    Node name = name(null);
    return keyword != null ? new Names.Special(keyword + " ", name) : name;
  }

  /**
   * <pre>
   * &lt;qualified-type&gt; ::= &lt;qualifiers&gt; &lt;type&gt;
   * &lt;qualifiers&gt; ::= &lt;extended-qualifier&gt;* &lt;CV-qualifiers&gt;
   * &lt;extended-qualifier&gt; ::= U &lt;source-name&gt; [&lt;template-args&gt;]
   * </pre>
   */
  private Node qualifiedType() {
    if (in.consume('U')) {
      String qualifier = in.bareSourceName();
      if (qualifier.startsWith("objcproto")) {
        // Objective-C protocol qualifiers are not supported.
        throw fail();
      }
      Node args = in.look() == 'I' ? templateArgs(false) : null;
      Node child = qualifiedType();
      return new Types.VendorQualified(child, qualifier, args);
    }
    int qualifiers = cvQualifiers();
    Node type = type();
    return qualifiers != 0 ? new Types.Qualified(type, qualifiers) : type;
  }

  /**
   * <pre>
   * &lt;function-type&gt; ::= [&lt;CV-qualifiers&gt;] [&lt;exception-spec&gt;] [Dx] F [Y] &lt;return type&gt; &lt;parameters&gt; [&lt;ref-qualifier&gt;] E
   * &lt;exception-spec&gt; ::= Do | DO &lt;expression&gt; E | Dw &lt;type&gt;+ E
   * </pre>
   */
  private Node functionType() {
    int cv = cvQualifiers();
    Node exceptionSpec = null;
    if (in.consume("Do")) {
      exceptionSpec = new Names.Plain("noexcept");
    } else if (in.consume("DO")) {
      Node condition = expressions.expression();
      in.expect('E');
      exceptionSpec = new Types.ExceptionSpec("noexcept", List.of(condition));
    } else if (in.consume("Dw")) {
      List<Node> types = new ArrayList<>();
      while (!in.consume('E')) {
        types.add(type());
      }
      exceptionSpec = new Types.ExceptionSpec("throw", types);
    }
    in.consume("Dx");
    in.expect('F');
    in.consume('Y');
    Node returnType = type();
    String ref = "";
    List<Node> params = new ArrayList<>();
    while (true) {
      if (in.consume('E')) {
        break;
      }
      if (in.consume('v')) {
        continue;
      }
      if (in.consume("RE")) {
        ref = " &";
        break;
      }
      if (in.consume("OE")) {
        ref = " &&";
        break;
      }
      params.add(type());
    }
    return new Types.Function(returnType, params, cv, ref, exceptionSpec);
  }

  /** {@code <array-type> ::= A <number> _ <type> | A [<expression>] _ <type>}. */
  private Node arrayType() {
    in.expect('A');
    Node dimension = null;
    if (Cursor.isDigit(in.look())) {
      dimension = new Names.Plain(in.number(false));
      in.expect('_');
    } else if (!in.consume('_')) {
      dimension = expressions.expression();
      in.expect('_');
    }
    return new Types.Array(type(), dimension);
  }

  /** {@code <vector-type> ::= Dv <number> _ <type> | Dv <number> _ p | Dv [<expression>] _ <type>}. */
  private Node vectorType() {
    in.expect('D');
    in.expect('v');
    if (in.look() >= '1' && in.look() <= '9') {
      Node dimension = new Names.Plain(in.number(false));
      in.expect('_');
      if (in.consume('p')) {
        return new Types.Vector(null, dimension);
      }
      return new Types.Vector(type(), dimension);
    }
    Node dimension = null;
    if (!in.consume('_')) {
      dimension = expressions.expression();
      in.expect('_');
    }
    return new Types.Vector(type(), dimension);
  }

  /** {@code <unresolved-type> ::= <template-param> | <decltype> | <substitution>}, for dependent names. */
  Node unresolvedType() {
    if (in.look() == 'T') {
      Node param = templateParam();
      substitutions.add(param);
      return param;
    }
    if (in.look() == 'D') {
      Node decltype = expressions.decltype();
      substitutions.add(decltype);
      return decltype;
    }
    return substitution();
  }

  /** {@code <unnamed-type-name>} for a lambda in an expression ({@code LUl...E}). */
  Node lambdaClosure() {
    return unnamedTypeName(null);
  }
}
