package dev.wasmlink.linker.link;

import java.nio.file.Path;
import java.util.Set;

/**
 * The reports a link can print about itself, as wasm-ld's flags ask for them.
 *
 * @param trace print every input file as it joins the link ({@code --trace})
 * @param tracedSymbols print every definition of and reference to these symbols ({@code -y})
 * @param printGcSections print every function and data segment {@code --gc-sections} removes
 * @param whyExtract where to write why each archive member was linked ({@code --why-extract}; "-" for standard
 *     output), or {@code null}
 * @param mapFile where to write the link map ({@code -Map}; "-" for standard output, as {@code --print-map}), or
 *     {@code null}
 */
public record LinkReports(
    boolean trace, Set<String> tracedSymbols, boolean printGcSections, Path whyExtract, Path mapFile) {

  public static LinkReports none() {
    return new LinkReports(false, Set.of(), false, null, null);
  }
}
