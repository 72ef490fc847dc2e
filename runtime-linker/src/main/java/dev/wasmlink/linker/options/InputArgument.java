package dev.wasmlink.linker.options;

/**
 * One input on the command line, in command-line order: a file named directly, or a library asked for with
 * {@code -l} that is looked up in the search paths when the link starts.
 */
public sealed interface InputArgument permits FileInput, LibraryInput {

  /** Whether {@code --whole-archive} was in effect where this input appeared. */
  boolean wholeArchive();
}
