package dev.wasmlink.linker.names;

/**
 * The names a user sees for symbols, in the output's name section and in messages, as wasm-ld shows them: C++ names
 * demangled unless {@code --no-demangle}, and {@code __main_argc_argv} (what clang calls a {@code main} that takes
 * arguments, so that callers and callee agree on its signature) shown as {@code main} either way.
 */
public final class DisplayNames {
  private final boolean demangle;

  public DisplayNames(boolean demangle) {
    this.demangle = demangle;
  }

  public String of(String symbolName) {
    if (symbolName.equals("__main_argc_argv")) {
      return "main";
    }
    return demangle ? Demangler.demangle(symbolName) : symbolName;
  }
}
