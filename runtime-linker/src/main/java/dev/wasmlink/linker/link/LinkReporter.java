package dev.wasmlink.linker.link;

import dev.wasmlink.linker.diagnostics.IoReasons;
import dev.wasmlink.linker.input.InputException;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.ResolutionListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints what the user asked to see of a link, in wasm-ld's formats: loaded files ({@code --trace}), definitions and
 * references of chosen symbols ({@code -y}), removed sections ({@code --print-gc-sections}), and why each archive
 * member was linked ({@code --why-extract}).
 */
final class LinkReporter implements ResolutionListener {
  private final LinkReports reports;
  private final PrintWriter out;
  private final Path workingDirectory;
  private final List<String> extractions = new ArrayList<>();

  /**
   * @param out where reports print
   * @param workingDirectory what the relative paths of report files ({@code -Map=}, {@code --why-extract=}) are
   *     relative to
   */
  LinkReporter(LinkReports reports, PrintWriter out, Path workingDirectory) {
    this.reports = reports;
    this.out = out;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public void loaded(String input) {
    if (reports.trace()) {
      out.println(input);
    }
  }

  @Override
  public void symbol(String input, String symbol, String what) {
    if (reports.tracedSymbols().contains(symbol)) {
      out.println(input + ": " + what + " " + symbol);
    }
  }

  @Override
  public void extracted(String referrer, String member, String symbol) {
    extractions.add(referrer + "\t" + member + "\t" + symbol);
  }

  /** {@code removing unused section FILE:(NAME)} for every function and data segment the liveness pass dropped. */
  void printGcSections(List<InputObject> objects, List<String> unusedInternalFunctions) {
    if (!reports.printGcSections()) {
      return;
    }
    for (InputObject object : objects) {
      for (InputFunction function : object.functions()) {
        if (!function.isLive() && !object.isDiscarded(function)) {
          out.println("removing unused section " + object.name() + ":(" + function.debugName() + ")");
        }
      }
      for (InputSegment segment : object.segments()) {
        if (!segment.isLive() && !object.isDiscarded(segment)) {
          out.println("removing unused section " + object.name() + ":(" + segment.name() + ")");
        }
      }
    }
    for (String function : unusedInternalFunctions) {
      out.println("removing unused section <internal>:(" + function + ")");
    }
  }

  /** The {@code --why-extract} table: a header, then one line per archive member linked. */
  void writeWhyExtract() {
    if (reports.whyExtract() == null) {
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add("reference\textracted\tsymbol");
    lines.addAll(extractions);
    writeOrPrint(reports.whyExtract(), String.join("\n", lines) + "\n");
  }

  void writeOrPrint(Path path, String text) {
    if (path.toString().equals("-")) {
      out.print(text);
      return;
    }
    try {
      Files.writeString(workingDirectory.resolve(path), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException("cannot open " + path + ": " + IoReasons.of(e));
    }
  }
}
