package dev.wasmlink.linker.options;

import java.util.Objects;

/**
 * A library asked for with {@code -lNAME} (found as {@code libNAME.a} in the search paths) or {@code -l:FILE} (found
 * as {@code FILE} in the search paths); see {@link LinkOptions#findLibrary(String)}.
 *
 * @param name what followed {@code -l}, including the leading colon of the {@code -l:FILE} form
 * @param wholeArchive {@code --whole-archive} was in effect where the library was named
 */
public record LibraryInput(String name, boolean wholeArchive) implements InputArgument {

  public LibraryInput {
    Objects.requireNonNull(name, "name");
  }

  /** Whether this is the {@code -l:FILE} form, which names a file exactly. */
  public boolean exactFileName() {
    return name.startsWith(":");
  }

  /** The option as lld spells it in messages, such as {@code -lc} in "unable to find library -lc". */
  public String spelling() {
    return "-l" + name;
  }
}
