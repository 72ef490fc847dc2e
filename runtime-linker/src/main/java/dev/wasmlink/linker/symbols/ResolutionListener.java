package dev.wasmlink.linker.symbols;

/** What symbol resolution tells the reports a user asked for ({@code --trace}, {@code -y}, {@code --why-extract}). */
public interface ResolutionListener {
  /** An object joins the link: a file, an archive member, or a lazy object that was needed. */
  default void loaded(String input) {}

  /** {@code input} defines or refers to {@code symbol}; {@code what} is "definition of", "reference to" and so on. */
  default void symbol(String input, String symbol, String what) {}

  /** An archive member was read because {@code referrer} needed {@code symbol}. */
  default void extracted(String referrer, String member, String symbol) {}

  ResolutionListener NONE = new ResolutionListener() {};
}
