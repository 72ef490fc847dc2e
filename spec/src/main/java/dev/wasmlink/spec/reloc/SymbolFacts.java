package dev.wasmlink.spec.reloc;

/** What a relocation handler needs to know of the symbol a relocation refers to, to check its kind's constraints. */
public interface SymbolFacts {
  /** The symbol's name, for messages. */
  String name();

  /** Whether the symbol is thread-local: flagged TLS, or defined in a TLS segment. */
  boolean isTls();

  /** Whether no input defines the symbol. */
  boolean isUndefined();
}
