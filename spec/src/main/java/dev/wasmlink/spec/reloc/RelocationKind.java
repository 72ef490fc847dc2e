package dev.wasmlink.spec.reloc;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything declared about one relocation kind. Generated handlers carry one as a constant; listings and the
 * decoder of {@code reloc.*} entries read it.
 *
 * @param code the number in {@code reloc.*} entries
 * @param name the kind's name, as LLVM spells it
 * @param field the field patched
 * @param hasAddend whether entries of this kind carry an addend
 * @param target what the entry's index refers to
 * @param rule how the value is computed
 * @param tlsOnly only against thread-local symbols
 * @param picOnly only in position-independent links
 * @param forbiddenAgainstTls never against thread-local symbols
 * @param allowedIn the sections whose bytes it may patch
 * @param summary one line of description
 */
public record RelocationKind(
    int code,
    String name,
    FieldEncoding field,
    boolean hasAddend,
    RelocationTarget target,
    RelocationRule rule,
    boolean tlsOnly,
    boolean picOnly,
    boolean forbiddenAgainstTls,
    Set<PatchedSection> allowedIn,
    String summary) {

  public RelocationKind {
    // An enum set, where contains is a bit test: every relocation applied asks it.
    allowedIn = Collections.unmodifiableSet(
        allowedIn.isEmpty() ? EnumSet.noneOf(PatchedSection.class) : EnumSet.copyOf(allowedIn));
  }

  /** Whether this kind may patch bytes of the given kind of section. */
  public boolean isAllowedIn(PatchedSection section) {
    return allowedIn.contains(section);
  }
}
