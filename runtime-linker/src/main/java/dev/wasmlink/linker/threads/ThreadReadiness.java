package dev.wasmlink.linker.threads;

import dev.wasmlink.linker.symbols.ChunkNames;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code wasmlink explain} tells about a set of objects without linking them: which can join a threaded
 * ({@code --shared-memory}) link and why not, their thread-locals, and the problems such a link would meet, with
 * causes and fixes. Every chunk counts, as if all were live.
 */
public final class ThreadReadiness {
  private final List<InputObject> objects;
  private final ThreadLocalAudit audit;
  private final RelocationRegistry registry;

  /** @param objects the objects, their symbols resolved against one another */
  public ThreadReadiness(List<InputObject> objects, RelocationRegistry registry) {
    this.objects = List.copyOf(objects);
    this.registry = registry;
    this.audit = new ThreadLocalAudit(true, registry);
    for (InputObject object : objects) {
      ChunkNames.assign(object);
      for (InputFunction function : object.functions()) {
        audit.scan(object, object.relocations(function), function.debugName());
      }
      for (InputSegment segment : object.segments()) {
        audit.scan(object, object.relocations(segment), "segment " + segment.name());
      }
    }
  }

  /** Whether every object may join a threaded link and no thread-local use would fail. */
  public boolean isReady() {
    return objects.stream().allMatch(object -> ThreadSupport.of(object).isReady()) && audit.problems().isEmpty();
  }

  /** Prints the per-object table, the notes, the problems and the verdict. */
  public void print(PrintWriter out) {
    out.printf("Thread support of %d object%s:%n", objects.size(), objects.size() == 1 ? "" : "s");
    int width = objects.stream().mapToInt(object -> object.name().length()).max().orElse(0);
    List<String> notReady = new ArrayList<>();
    for (InputObject object : objects) {
      ThreadSupport support = ThreadSupport.of(object);
      if (!support.isReady()) {
        notReady.add(object.name());
      }
      out.printf("  %-" + width + "s  %-52s %s%n", object.name(),
          support.isReady() ? "ready for threads" : "not ready: " + support.shortfall(), threadLocals(object));
    }
    for (Symbol symbol : audit.unflaggedThreadLocals()) {
      out.printf("%nnote: `%s` sits in thread-local segment %s of %s without the symbol's TLS flag (an older"
          + " compiler's habit); it is linked as thread-local%n", symbol.name(), symbol.segment().name(),
          symbol.file().name());
    }
    List<String> problems = audit.problems();
    if (!problems.isEmpty()) {
      out.printf("%nA threaded link (--shared-memory) of these objects would fail:%n");
      for (String problem : problems) {
        out.printf("%n%s%n", problem);
      }
    }
    out.println();
    if (notReady.isEmpty() && problems.isEmpty()) {
      out.println("All of them can join a threaded link.");
    } else if (notReady.isEmpty()) {
      out.println("Every object was built for threads, but the thread-local problems above must be fixed first.");
    } else {
      out.printf("%d of %d objects can join a threaded link; not: %s%n", objects.size() - notReady.size(),
          objects.size(), ReferenceList.names(notReady));
      out.println("Without --shared-memory all of them link and run single-threaded.");
    }
  }

  /** E.g. "defines 2 thread-locals; uses as thread-local: x, y". */
  private String threadLocals(InputObject object) {
    int defined = 0;
    for (int i = 0; i < object.symbolCount(); i++) {
      Symbol symbol = object.symbol(i);
      if (symbol != null && symbol.isTls() && symbol.isDefined() && symbol.file() == object) {
        defined++;
      }
    }
    Set<String> used = new LinkedHashSet<>();
    List<List<RelocationEntry>> chunks = new ArrayList<>();
    object.functions().forEach(function -> chunks.add(object.relocations(function)));
    object.segments().forEach(segment -> chunks.add(object.relocations(segment)));
    for (List<RelocationEntry> relocations : chunks) {
      for (RelocationEntry entry : relocations) {
        if (registry.kindOf(entry.type()).tlsOnly()) {
          used.add(object.symbol(entry.index()).name());
        }
      }
    }
    String definitions = "defines " + ReferenceList.count(defined, "thread-local");
    return used.isEmpty() ? definitions
        : definitions + "; uses as thread-local: " + ReferenceList.names(new ArrayList<>(used));
  }
}
