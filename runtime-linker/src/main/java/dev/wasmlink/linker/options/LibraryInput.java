package dev.wasmlink.linker.options;

import java.util.Objects;

/**
 * A library asked for with {@code -lNAME} (found as {@code libNAME.a}, or first {@code libNAME.so} where
 * {@code searchShared}, in the search paths) or {@code -l:FILE} (found as {@code FILE} in the search paths); see
 * {@link LinkOptions#findLibrary(String, boolean)}.
 *
 * @param name what followed {@code -l}, including the leading colon of the {@code -l:FILE} form
 * @param wholeArchive {@code --whole-archive} was in effect where the library was named
 * @param searchShared lld's {@code -Bdynamic} was in effect where the library was named: given, or the default of a
 *     position-independent link ({@code -pie}, {@code -shared}), and not undone by a {@code -Bstatic} before it
 */
public record LibraryInput(String name, boolean wholeArchive, boolean searchShared) implements InputArgument {

  public LibraryInput {
    Objects.requireNonNull(name, "name");
  }

  /** A library looked for as an archive only, as in a static link. */
  public LibraryInput(String name, boolean wholeArchive) {
    this(name, wholeArchive, false);
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
