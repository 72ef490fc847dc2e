package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.CustomSection;
import dev.wasmlink.spec.annotation.Repeated;
import dev.wasmlink.spec.annotation.Uleb32;
import java.util.List;

/** The {@code linking} custom section: a version (2), then subsections until the end. */
@CustomSection("linking")
public record LinkingSection(@Uleb32 int version, @Repeated List<LinkingSubsection> subsections) {
  /** The only version this format describes. */
  public static final int VERSION = 2;
}
