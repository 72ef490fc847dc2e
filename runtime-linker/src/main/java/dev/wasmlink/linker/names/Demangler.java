package dev.wasmlink.linker.names;

/**
 * Demangles symbol names the way LLVM 19 does ({@code llvm-cxxfilt-19}, and wasm-ld's {@code --demangle}), for the
 * name section and for diagnostics such as "undefined symbol: foo(int)".
 *
 * <p>Handled: Itanium C++ ABI names ({@code _Z...}, which also covers Rust's legacy mangling
 * {@code _ZN...17h<hash>E}), Clang block invocation functions ({@code ___Z..._block_invoke}), a leading dot, and
 * {@code __imp_} import thunks. Anything else, and any name this demangler does not fully understand, comes back
 * unchanged: an unchanged name is better than a wrong one.
 *
 * <p>Not handled, although LLVM demangles them: Rust v0 names ({@code _R...}), D names ({@code _D...}), template
 * template parameter declarations in lambdas ({@code Tt}), member pointer conversions ({@code mc}), subobject
 * expressions ({@code so}), Objective-C protocol qualifiers, and unusual long double literals (infinities, NaNs,
 * denormals). Such names come back unchanged.
 */
public final class Demangler {
  private Demangler() {}

  /** The demangled form of {@code symbolName}, or {@code symbolName} itself when it cannot be demangled. */
  public static String demangle(String symbolName) {
    if (symbolName == null || symbolName.isEmpty()) {
      return symbolName;
    }
    // A leading dot (as in "._Z1fv", a local alias) is kept in front of the demangled name.
    boolean dot = symbolName.startsWith(".");
    String result = itanium(dot ? symbolName.substring(1) : symbolName);
    if (result != null) {
      return dot ? "." + result : result;
    }
    if (symbolName.startsWith("__imp_")) {
      result = itanium(symbolName.substring("__imp_".length()));
      if (result != null) {
        return "import thunk for " + result;
      }
    }
    return symbolName;
  }

  /** The demangled text of an Itanium name, or null when it is not one or does not parse completely. */
  private static String itanium(String name) {
    boolean block = name.startsWith("___Z");
    if (!name.startsWith("_Z") && !block) {
      return null;
    }
    try {
      Node tree = block ? blockInvocation(name) : encodingWithSuffix(name);
      Printer out = new Printer();
      tree.print(out);
      return out.toString();
    } catch (Cursor.Failure e) {
      // Not valid mangling, or nested or expanding past the limits no real name reaches: leave it as it is.
      return null;
    }
  }

  /** {@code _Z <encoding> [.<suffix>]}: the suffix (.cold, .llvm.N, .1 ...) prints in parentheses. */
  private static Node encodingWithSuffix(String name) {
    Cursor in = new Cursor(name, 2);
    Node encoding = new Parser(in).encoding();
    if (in.look() == '.') {
      encoding = new Names.DotSuffix(encoding, in.takeRest());
    }
    if (!in.atEnd()) {
      Cursor.fail();
    }
    return encoding;
  }

  /** {@code ___Z <encoding> _block_invoke [_] [<number>] [.<suffix>]}: a block literal inside that function. */
  private static Node blockInvocation(String name) {
    Cursor in = new Cursor(name, 4);
    Node encoding = new Parser(in).encoding();
    if (!in.consume("_block_invoke")) {
      Cursor.fail();
    }
    boolean requireNumber = in.consume('_');
    if (in.number(false).isEmpty() && requireNumber) {
      Cursor.fail();
    }
    if (in.look() == '.') {
      in.takeRest();
    }
    if (!in.atEnd()) {
      Cursor.fail();
    }
    return new Names.Special("invocation function for block in ", encoding);
  }
}
