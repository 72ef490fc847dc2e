package dev.wasmlink.linker.options;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --help} text, laid out as lld lays out its own: an overview, a usage line, then every documented option
 * in alphabetical order with one line about it. It is made from the same table the parser uses, so it lists exactly
 * what is accepted (spellings that are only aliases, such as {@code --entry=} beside {@code --entry}, are left out, as
 * lld leaves them out).
 */
public final class Usage {

  private static final int HELP_COLUMN = 26;

  private Usage() {}

  /** The help for a program called {@code wasm-ld}. */
  public static String text() {
    return text("wasm-ld");
  }

  /** The help, naming the program {@code programName} in the usage line. */
  public static String text(String programName) {
    StringBuilder out = new StringBuilder();
    out.append("OVERVIEW: wasmlink, a WebAssembly linker that stands in for LLVM's wasm-ld\n\n");
    out.append("USAGE: ").append(programName).append(" [options] file...\n\n");
    out.append("OPTIONS:\n");
    for (OptionTable.Spec spec : documented()) {
      String display = display(spec);
      out.append("  ").append(display);
      if (display.length() + 2 >= HELP_COLUMN - 1) {
        out.append('\n').append(" ".repeat(HELP_COLUMN));
      } else {
        out.append(" ".repeat(HELP_COLUMN - 2 - display.length()));
      }
      out.append(spec.help()).append('\n');
    }
    return out.toString();
  }

  /** The documented spellings, in the order the help lists them. */
  static List<OptionTable.Spec> documented() {
    List<OptionTable.Spec> specs = new ArrayList<>();
    for (OptionTable.Spec spec : OptionTable.specs()) {
      if (spec.help() != null) {
        specs.add(spec);
      }
    }
    specs.sort(Comparator.comparing((OptionTable.Spec spec) -> sortKey(spec).toLowerCase(Locale.ROOT))
        .thenComparing(Usage::sortKey)
        .thenComparing(OptionTable.Spec::name));
    return specs;
  }

  /** How the help shows a spelling: its preferred dashes, its name and a placeholder for its value. */
  static String display(OptionTable.Spec spec) {
    String spelling = spec.preferredSpelling();
    String metaVar = spec.metaVar() != null ? spec.metaVar() : "<value>";
    return switch (spec.kind()) {
      case FLAG -> spelling;
      case JOINED, COMMA_JOINED -> spelling + metaVar;
      case SEPARATE, JOINED_OR_SEPARATE -> spelling + " " + metaVar;
    };
  }

  private static String sortKey(OptionTable.Spec spec) {
    String name = spec.name();
    return name.endsWith("=") ? name.substring(0, name.length() - 1) : name;
  }
}
