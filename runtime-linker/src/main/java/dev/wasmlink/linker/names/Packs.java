package dev.wasmlink.linker.names;

import java.util.List;

/**
 * Nodes for variadic templates and for template parameters whose argument is not known yet. A pack prints one of
 * its elements, chosen by the expansion ({@code Dp}, {@code sp}) that is printing it once per element.
 */
final class Packs {
  private Packs() {}

  /** The argument of a variadic template parameter ({@code J ... E}), as referred to by {@code T_}. */
  static final class Pack extends Node {
    final List<Node> elements;

    Pack(List<Node> elements) {
      this.elements = elements;
    }

    /** The first pack met inside an expansion decides how many times the expansion prints. */
    private Node current(Printer out) {
      if (out.packMax == Printer.NO_PACK) {
        out.packMax = elements.size();
        out.packIndex = 0;
      }
      int index = out.packIndex;
      return index < elements.size() ? elements.get(index) : null;
    }

    @Override
    void doPrintLeft(Printer out) {
      Node element = current(out);
      if (element != null) {
        element.printLeft(out);
      }
    }

    @Override
    void doPrintRight(Printer out) {
      Node element = current(out);
      if (element != null) {
        element.printRight(out);
      }
    }

    @Override
    Node doSyntaxNode(Printer out) {
      Node element = current(out);
      return element != null ? element.syntaxNode(out) : this;
    }

    @Override
    boolean doHasRightPart(Printer out) {
      Node element = current(out);
      return element != null && element.hasRightPart(out);
    }

    @Override
    boolean doIsArray(Printer out) {
      Node element = current(out);
      return element != null && element.isArray(out);
    }

    @Override
    boolean doIsFunction(Printer out) {
      Node element = current(out);
      return element != null && element.isFunction(out);
    }
  }

  /** A pack as it appears in a template argument list: all its elements, separated by commas. */
  static final class ArgumentPack extends Node {
    final List<Node> elements;

    ArgumentPack(List<Node> elements) {
      this.elements = elements;
    }

    @Override
    void doPrintLeft(Printer out) {
      printList(out, elements);
    }
  }

  /**
   * {@code pattern...} expanded: the pattern prints once per element of the pack it contains. With no pack inside
   * (a function parameter pack) it prints the pattern and {@code ...}; with an empty pack it prints nothing.
   */
  static final class Expansion extends Node {
    final Node pattern;

    Expansion(Node pattern) {
      this.pattern = pattern;
    }

    @Override
    void doPrintLeft(Printer out) {
      int savedIndex = out.packIndex;
      int savedMax = out.packMax;
      out.packIndex = Printer.NO_PACK;
      out.packMax = Printer.NO_PACK;
      try {
        int start = out.position();
        pattern.print(out);
        if (out.packMax == Printer.NO_PACK) {
          out.append("...");
          return;
        }
        if (out.packMax == 0) {
          out.truncate(start);
          return;
        }
        for (int i = 1, end = out.packMax; i < end; i++) {
          out.append(", ");
          out.packIndex = i;
          pattern.print(out);
        }
      } finally {
        out.packIndex = savedIndex;
        out.packMax = savedMax;
      }
    }
  }

  /**
   * A template parameter used before the template arguments it refers to have been read: the type of a conversion
   * operator template ({@code cv T_}) is mangled ahead of the operator's own template arguments. It is resolved once
   * they are; the guard stops a reference that ends up referring to itself.
   */
  static final class ForwardReference extends Node {
    final int index;
    Node target;
    private boolean printing;

    ForwardReference(int index) {
      this.index = index;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (printing) {
        return;
      }
      printing = true;
      try {
        target.printLeft(out);
      } finally {
        printing = false;
      }
    }

    @Override
    void doPrintRight(Printer out) {
      if (printing) {
        return;
      }
      printing = true;
      try {
        target.printRight(out);
      } finally {
        printing = false;
      }
    }

    @Override
    Node doSyntaxNode(Printer out) {
      if (printing) {
        return this;
      }
      printing = true;
      try {
        return target.syntaxNode(out);
      } finally {
        printing = false;
      }
    }

    @Override
    boolean doHasRightPart(Printer out) {
      if (printing) {
        return false;
      }
      printing = true;
      try {
        return target.hasRightPart(out);
      } finally {
        printing = false;
      }
    }

    @Override
    boolean doIsArray(Printer out) {
      if (printing) {
        return false;
      }
      printing = true;
      try {
        return target.isArray(out);
      } finally {
        printing = false;
      }
    }

    @Override
    boolean doIsFunction(Printer out) {
      if (printing) {
        return false;
      }
      printing = true;
      try {
        return target.isFunction(out);
      } finally {
        printing = false;
      }
    }
  }

  /** A template parameter a lambda declares explicitly, which the mangling never names: {@code $T}, {@code $N0}... */
  static final class SyntheticParamName extends Node {
    final String prefix;
    final int index;

    SyntheticParamName(String prefix, int index) {
      this.prefix = prefix;
      this.index = index;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append(prefix);
      if (index > 0) {
        out.append(Integer.toString(index - 1));
      }
    }
  }

  /** A template parameter declaration: {@code typename $T}, {@code int $N}, {@code typename ...$T}. */
  static final class ParamDecl extends Node {
    /** The declared type for a non-type parameter, null for {@code typename}. */
    final Node type;
    final Node name;

    ParamDecl(Node type, Node name) {
      this.type = type;
      this.name = name;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (type == null) {
        out.append("typename ");
      } else {
        type.printLeft(out);
        if (!type.hasRightPart(out)) {
          out.append(' ');
        }
      }
    }

    @Override
    void doPrintRight(Printer out) {
      name.print(out);
      if (type != null) {
        type.printRight(out);
      }
    }

    @Override
    boolean doHasRightPart(Printer out) {
      return true;
    }
  }

  /** {@code Concept $T}: a type template parameter constrained by a concept. */
  static final class ConstrainedParamDecl extends Node {
    final Node concept;
    final Node name;

    ConstrainedParamDecl(Node concept, Node name) {
      this.concept = concept;
      this.name = name;
    }

    @Override
    void doPrintLeft(Printer out) {
      concept.print(out);
      out.append(' ');
    }

    @Override
    void doPrintRight(Printer out) {
      name.print(out);
    }

    @Override
    boolean doHasRightPart(Printer out) {
      return true;
    }
  }

  /** {@code decl...}: a template parameter pack declaration. */
  static final class ParamPackDecl extends Node {
    final Node param;

    ParamPackDecl(Node param) {
      this.param = param;
    }

    @Override
    void doPrintLeft(Printer out) {
      param.printLeft(out);
      out.append("...");
    }

    @Override
    void doPrintRight(Printer out) {
      param.printRight(out);
    }

    @Override
    boolean doHasRightPart(Printer out) {
      return true;
    }
  }

  /** A template argument preceded by the declaration of its parameter; only the argument prints. */
  static final class ParamQualifiedArg extends Node {
    final Node arg;

    ParamQualifiedArg(Node arg) {
      this.arg = arg;
    }

    @Override
    void doPrintLeft(Printer out) {
      arg.print(out);
    }
  }
}
