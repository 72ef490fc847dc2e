package dev.wasmlink.linker.cli;

import dev.wasmlink.spec.reloc.PatchedSection;
import dev.wasmlink.spec.reloc.RelocationHandler;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wasmlink relocs}: the relocation kinds this linker was built with, from every catalogue on its class path,
 * with each kind's field, addend, target, rule, constraints and where its handler comes from.
 */
final class RelocsCommand {
  private RelocsCommand() {}

  static void run(PrintWriter out) {
    List<RelocationHandler> handlers = RelocationRegistry.standard().handlers();
    out.printf("%d relocation kinds%n%n", handlers.size());
    out.printf("%4s  %-31s %-6s %-6s %-8s %-26s %-22s %-16s %s%n", "code", "name", "field", "addend", "target",
        "value", "constraints", "patches", "handler");
    for (RelocationHandler handler : handlers) {
      RelocationKind kind = handler.kind();
      out.printf("%4d  %-31s %-6s %-6s %-8s %-26s %-22s %-16s %s%n", kind.code(), kind.name(), kind.field(),
          kind.hasAddend() ? "yes" : "no", kind.target().name().toLowerCase(), kind.rule().formula(),
          constraints(kind), sections(kind), handler.getClass().getName());
      if (!kind.summary().isEmpty()) {
        out.printf("%4s  %s%n", "", kind.summary());
      }
    }
  }

  private static String constraints(RelocationKind kind) {
    List<String> constraints = new ArrayList<>();
    if (kind.tlsOnly()) {
      constraints.add("TLS only");
    }
    if (kind.forbiddenAgainstTls()) {
      constraints.add("not TLS");
    }
    if (kind.picOnly()) {
      constraints.add("PIC only");
    }
    return constraints.isEmpty() ? "-" : String.join(", ", constraints);
  }

  private static String sections(RelocationKind kind) {
    List<String> sections = new ArrayList<>();
    for (PatchedSection section : PatchedSection.values()) {
      if (kind.isAllowedIn(section)) {
        sections.add(section.name().toLowerCase());
      }
    }
    return String.join(",", sections);
  }
}
