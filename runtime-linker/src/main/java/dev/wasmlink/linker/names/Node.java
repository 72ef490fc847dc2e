package dev.wasmlink.linker.names;

import java.util.List;
import java.util.function.Supplier;

/**
 * One piece of a demangled name. C++ declarators wrap around what they declare ({@code int (*f)(char)}), so a node
 * prints in two halves: the part left of the declared name and the part right of it. Pointers, references and
 * member pointers ask their pointee whether it has a right half which is an array or a function, to know where the
 * parentheses go.
 */
abstract class Node {
  /*
   * Every step down the tree goes through one of the final methods below, which count it in the printer: a tree too
   * deep to print on a thread's stack (substitutions can chain a name into one as deep as it is long) gives up with
   * a Cursor.Failure past Printer.MAX_DEPTH instead of a StackOverflowError. Node kinds override the do... methods.
   */

  final void printLeft(Printer out) {
    out.enter();
    doPrintLeft(out);
    out.leave();
  }

  final void printRight(Printer out) {
    out.enter();
    doPrintRight(out);
    out.leave();
  }

  final void print(Printer out) {
    printLeft(out);
    printRight(out);
  }

  /** Whether anything prints on the right of the declared name (arrays, functions, and what contains them). */
  final boolean hasRightPart(Printer out) {
    return nested(out, () -> doHasRightPart(out));
  }

  final boolean isArray(Printer out) {
    return nested(out, () -> doIsArray(out));
  }

  final boolean isFunction(Printer out) {
    return nested(out, () -> doIsFunction(out));
  }

  /** The node whose syntax this one prints as; packs and forward references stand for another node. */
  final Node syntaxNode(Printer out) {
    return nested(out, () -> doSyntaxNode(out));
  }

  /** A question asked of a node one level deeper: counted against the printer's depth limit, as printing is. */
  private static <T> T nested(Printer out, Supplier<T> question) {
    out.enter();
    T answer = question.get();
    out.leave();
    return answer;
  }

  abstract void doPrintLeft(Printer out);

  void doPrintRight(Printer out) {}

  boolean doHasRightPart(Printer out) {
    return false;
  }

  boolean doIsArray(Printer out) {
    return false;
  }

  boolean doIsFunction(Printer out) {
    return false;
  }

  Node doSyntaxNode(Printer out) {
    return this;
  }

  /** The unqualified name without template arguments, which is what a constructor or destructor is called. */
  String baseName() {
    return "";
  }

  Prec precedence() {
    return Prec.PRIMARY;
  }

  /** Prints as an operand of an operator of precedence {@code outer}, parenthesized when it binds more loosely. */
  final void printAsOperand(Printer out, Prec outer, boolean strictlyWorse) {
    boolean paren = precedence().ordinal() >= outer.ordinal() + (strictlyWorse ? 1 : 0);
    if (paren) {
      out.open();
    }
    print(out);
    if (paren) {
      out.close();
    }
  }

  final void printAsOperand(Printer out) {
    printAsOperand(out, Prec.DEFAULT, false);
  }

  /** Prints a list separated by commas; an element that prints nothing (an empty pack) takes its comma with it. */
  static void printList(Printer out, List<Node> nodes) {
    boolean first = true;
    for (Node node : nodes) {
      int beforeComma = out.position();
      if (!first) {
        out.append(", ");
      }
      int afterComma = out.position();
      node.printAsOperand(out, Prec.COMMA, false);
      if (out.position() == afterComma) {
        out.truncate(beforeComma);
        continue;
      }
      first = false;
    }
  }

  @Override
  public String toString() {
    Printer out = new Printer();
    print(out);
    return out.toString();
  }
}
