package dev.wasmlink.linker.cli;

import dev.wasmlink.linker.input.Archive;
import dev.wasmlink.linker.input.ArchiveReader;
import dev.wasmlink.linker.input.InputFiles;
import dev.wasmlink.linker.diagnostics.Diagnostics;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.ResolutionListener;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.linker.threads.ThreadReadiness;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code wasmlink explain FILE...}: which of these objects (and archive members, all of them) can join a threaded
 * link and why not, without linking. Symbols are resolved among them as a link would, so a thread-local used in one
 * and defined in another is judged by its definition. Exit status 0 when all can, 1 otherwise.
 */
final class ExplainCommand {
  private ExplainCommand() {}

  static int run(List<String> files, PrintWriter out) {
    if (files.isEmpty()) {
      throw new UsageException("explain needs at least one object or archive");
    }
    // Duplicate definitions and the like are a link's business; here they are not what is asked.
    SymbolTable symbols = new SymbolTable(new Diagnostics(), ResolutionListener.NONE);
    for (String file : files) {
      byte[] bytes = InputFiles.read(Path.of(file));
      if (ArchiveReader.isArchive(bytes)) {
        Archive archive = ArchiveReader.read(bytes, file);
        symbols.addWholeArchive(archive);
      } else {
        symbols.addObject(InputObject.of(InputFiles.readObject(bytes, file)));
      }
    }
    ThreadReadiness readiness = new ThreadReadiness(symbols.objects(), RelocationRegistry.standard());
    readiness.print(out);
    return readiness.isReady() ? 0 : 1;
  }
}
