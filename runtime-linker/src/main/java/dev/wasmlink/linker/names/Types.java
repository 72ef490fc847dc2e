package dev.wasmlink.linker.names;

import java.util.ArrayList;
import java.util.List;

/** Nodes for types that are built from other types: qualifiers, pointers, references, arrays, functions... */
final class Types {
  private Types() {}

  /** Bits of {@code <CV-qualifiers> ::= [r] [V] [K]}. */
  static final int CONST = 1;
  static final int VOLATILE = 2;
  static final int RESTRICT = 4;

  static void printQualifiers(Printer out, int qualifiers) {
    if ((qualifiers & CONST) != 0) {
      out.append(" const");
    }
    if ((qualifiers & VOLATILE) != 0) {
      out.append(" volatile");
    }
    if ((qualifiers & RESTRICT) != 0) {
      out.append(" restrict");
    }
  }

  /** {@code Type const}: qualifiers are printed after what they qualify, as LLVM does ({@code char const*}). */
  static final class Qualified extends Node {
    final Node child;
    final int qualifiers;

    Qualified(Node child, int qualifiers) {
      this.child = child;
      this.qualifiers = qualifiers;
    }

    @Override
    void doPrintLeft(Printer out) {
      child.printLeft(out);
      printQualifiers(out, qualifiers);
    }

    @Override
    void doPrintRight(Printer out) {
      child.printRight(out);
    }

    @Override
    boolean doHasRightPart(Printer out) {
      return child.hasRightPart(out);
    }

    @Override
    boolean doIsArray(Printer out) {
      return child.isArray(out);
    }

    @Override
    boolean doIsFunction(Printer out) {
      return child.isFunction(out);
    }
  }

  /**
   * {@code Type suffix}: C99 {@code complex} and {@code imaginary}. Only the left half of the type prints, as in
   * LLVM (a function pointer loses its parameter list, but such types do not occur in valid programs).
   */
  static final class Postfix extends Node {
    final Node child;
    final String suffix;

    Postfix(Node child, String suffix) {
      this.child = child;
      this.suffix = suffix;
    }

    @Override
    void doPrintLeft(Printer out) {
      child.printLeft(out);
      out.append(suffix);
    }
  }

  /** {@code Type qualifier<args>}: a vendor-extended qualifier ({@code U <source-name> [<template-args>]}). */
  static final class VendorQualified extends Node {
    final Node child;
    final String qualifier;
    final Node args;

    VendorQualified(Node child, String qualifier, Node args) {
      this.child = child;
      this.qualifier = qualifier;
      this.args = args;
    }

    @Override
    void doPrintLeft(Printer out) {
      child.print(out);
      out.append(' ').append(qualifier);
      if (args != null) {
        args.print(out);
      }
    }
  }

  /** {@code transform(Type)}: a vendor type transformation such as {@code __underlying_type}. */
  static final class Transformed extends Node {
    final String transform;
    final Node base;

    Transformed(String transform, Node base) {
      this.transform = transform;
      this.base = base;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append(transform).append('(');
      base.print(out);
      out.append(')');
    }
  }

  /** {@code _BitInt(N)} and {@code unsigned _BitInt(N)}. */
  static final class BitInt extends Node {
    final Node size;
    final boolean signed;

    BitInt(Node size, boolean signed) {
      this.size = size;
      this.signed = signed;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (!signed) {
        out.append("unsigned ");
      }
      out.append("_BitInt");
      out.open();
      size.printAsOperand(out);
      out.close();
    }
  }

  /** {@code Type vector[N]} and {@code pixel vector[N]} (AltiVec). */
  static final class Vector extends Node {
    final Node element;
    final Node dimension;

    Vector(Node element, Node dimension) {
      this.element = element;
      this.dimension = dimension;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (element == null) {
        out.append("pixel");
      } else {
        element.print(out);
      }
      out.append(" vector[");
      if (dimension != null) {
        dimension.print(out);
      }
      out.append(']');
    }
  }

  /** {@code Type*}; a pointer to an array or function parenthesizes the star: {@code int (*)[3]}. */
  static final class Pointer extends Node {
    final Node pointee;

    Pointer(Node pointee) {
      this.pointee = pointee;
    }

    @Override
    void doPrintLeft(Printer out) {
      pointee.printLeft(out);
      if (pointee.isArray(out)) {
        out.append(' ');
      }
      if (pointee.isArray(out) || pointee.isFunction(out)) {
        out.append('(');
      }
      out.append('*');
    }

    @Override
    void doPrintRight(Printer out) {
      if (pointee.isArray(out) || pointee.isFunction(out)) {
        out.append(')');
      }
      pointee.printRight(out);
    }

    @Override
    boolean doHasRightPart(Printer out) {
      return pointee.hasRightPart(out);
    }
  }

  /**
   * {@code Type&} or {@code Type&&}. A reference to a reference (through template parameters) collapses as in C++:
   * any {@code &} wins over {@code &&}. The walk may loop through packs and forward references, so it detects
   * cycles, and a reference met again while printing itself prints nothing.
   */
  static final class Reference extends Node {
    final Node pointee;
    final boolean rvalue;
    private boolean printing;

    Reference(Node pointee, boolean rvalue) {
      this.pointee = pointee;
      this.rvalue = rvalue;
    }

    /** The referenced node after collapsing, and whether the result is an rvalue reference; null on a cycle. */
    private Object[] collapse(Printer out) {
      boolean isRvalue = rvalue;
      Node target = pointee;
      List<Node> seen = new ArrayList<>();
      while (true) {
        Node syntax = target.syntaxNode(out);
        if (!(syntax instanceof Reference inner)) {
          break;
        }
        target = inner.pointee;
        isRvalue = isRvalue && inner.rvalue;
        seen.add(target);
        // The tortoise walks the same chain at half speed: meeting it means the chain is a loop.
        if (seen.size() > 1 && target == seen.get((seen.size() - 1) / 2)) {
          return null;
        }
      }
      return new Object[] {target, isRvalue};
    }

    @Override
    void doPrintLeft(Printer out) {
      if (printing) {
        return;
      }
      printing = true;
      try {
        Object[] collapsed = collapse(out);
        if (collapsed == null) {
          return;
        }
        Node target = (Node) collapsed[0];
        target.printLeft(out);
        if (target.isArray(out)) {
          out.append(' ');
        }
        if (target.isArray(out) || target.isFunction(out)) {
          out.append('(');
        }
        out.append((Boolean) collapsed[1] ? "&&" : "&");
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
        Object[] collapsed = collapse(out);
        if (collapsed == null) {
          return;
        }
        Node target = (Node) collapsed[0];
        if (target.isArray(out) || target.isFunction(out)) {
          out.append(')');
        }
        target.printRight(out);
      } finally {
        printing = false;
      }
    }

    @Override
    boolean doHasRightPart(Printer out) {
      return pointee.hasRightPart(out);
    }
  }

  /** {@code Member Class::*}, e.g. {@code int (A::*)() const}. */
  static final class PointerToMember extends Node {
    final Node classType;
    final Node memberType;

    PointerToMember(Node classType, Node memberType) {
      this.classType = classType;
      this.memberType = memberType;
    }

    @Override
    void doPrintLeft(Printer out) {
      memberType.printLeft(out);
      if (memberType.isArray(out) || memberType.isFunction(out)) {
        out.append('(');
      } else {
        out.append(' ');
      }
      classType.print(out);
      out.append("::*");
    }

    @Override
    void doPrintRight(Printer out) {
      if (memberType.isArray(out) || memberType.isFunction(out)) {
        out.append(')');
      }
      memberType.printRight(out);
    }

    @Override
    boolean doHasRightPart(Printer out) {
      return memberType.hasRightPart(out);
    }
  }

  /** {@code Element [N]}: the dimension prints on the right of the declared name. */
  static final class Array extends Node {
    final Node element;
    final Node dimension;

    Array(Node element, Node dimension) {
      this.element = element;
      this.dimension = dimension;
    }

    @Override
    void doPrintLeft(Printer out) {
      element.printLeft(out);
    }

    @Override
    void doPrintRight(Printer out) {
      if (out.last() != ']') {
        out.append(' ');
      }
      out.append('[');
      if (dimension != null) {
        dimension.print(out);
      }
      out.append(']');
      element.printRight(out);
    }

    @Override
    boolean doHasRightPart(Printer out) {
      return true;
    }

    @Override
    boolean doIsArray(Printer out) {
      return true;
    }
  }

  /** {@code Return (Params) cv ref noexcept}: the parameters print on the right of the declared name. */
  static final class Function extends Node {
    final Node returnType;
    final List<Node> params;
    final int cvQualifiers;
    final String refQualifier;
    final Node exceptionSpec;

    Function(Node returnType, List<Node> params, int cvQualifiers, String refQualifier, Node exceptionSpec) {
      this.returnType = returnType;
      this.params = params;
      this.cvQualifiers = cvQualifiers;
      this.refQualifier = refQualifier;
      this.exceptionSpec = exceptionSpec;
    }

    @Override
    void doPrintLeft(Printer out) {
      returnType.printLeft(out);
      out.append(' ');
    }

    @Override
    void doPrintRight(Printer out) {
      out.open();
      printList(out, params);
      out.close();
      returnType.printRight(out);
      printQualifiers(out, cvQualifiers);
      out.append(refQualifier);
      if (exceptionSpec != null) {
        out.append(' ');
        exceptionSpec.print(out);
      }
    }

    @Override
    boolean doHasRightPart(Printer out) {
      return true;
    }

    @Override
    boolean doIsFunction(Printer out) {
      return true;
    }
  }

  /** {@code noexcept(expr)} ({@code DO}) and {@code throw(types)} ({@code Dw}). */
  static final class ExceptionSpec extends Node {
    final String keyword;
    final List<Node> operands;

    ExceptionSpec(String keyword, List<Node> operands) {
      this.keyword = keyword;
      this.operands = operands;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append(keyword);
      out.open();
      if (operands.size() == 1 && keyword.equals("noexcept")) {
        operands.get(0).printAsOperand(out);
      } else {
        printList(out, operands);
      }
      out.close();
    }
  }
}
