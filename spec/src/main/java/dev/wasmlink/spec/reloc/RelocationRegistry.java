package dev.wasmlink.spec.reloc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Every relocation kind this process knows: the generated tables found with {@link ServiceLoader}, merged into one
 * dense lookup by code and one by name. Two tables that claim the same code or name are a configuration error, not a
 * silent override.
 */
public final class RelocationRegistry {
  private static volatile RelocationRegistry standard;

  private final RelocationHandler[] byCode;
  /**
   * {@code byCode[code].kind()}: every stage asks it for every relocation, and through the handlers, one class per
   * kind, it would be a call no compiler can inline.
   */
  private final RelocationKind[] kinds;
  private final Map<String, RelocationHandler> byName;
  private final List<RelocationHandler> all;

  private RelocationRegistry(List<RelocationTable> tables) {
    Map<Integer, RelocationHandler> codes = new HashMap<>();
    Map<String, RelocationHandler> names = new HashMap<>();
    int maxCode = -1;
    for (RelocationTable table : tables) {
      for (RelocationHandler handler : table.handlers()) {
        RelocationKind kind = handler.kind();
        RelocationHandler clash = codes.putIfAbsent(kind.code(), handler);
        if (clash != null) {
          throw new IllegalStateException(
              "relocation code " + kind.code() + " is declared twice: " + clash.kind().name() + " ("
                  + clash.getClass().getName() + ") and " + kind.name() + " (" + handler.getClass().getName() + ")");
        }
        if (names.putIfAbsent(kind.name(), handler) != null) {
          throw new IllegalStateException("relocation " + kind.name() + " is declared twice");
        }
        maxCode = Math.max(maxCode, kind.code());
      }
    }
    this.byCode = new RelocationHandler[maxCode + 1];
    this.kinds = new RelocationKind[maxCode + 1];
    codes.forEach((code, handler) -> {
      byCode[code] = handler;
      kinds[code] = handler.kind();
    });
    this.byName = Map.copyOf(names);
    List<RelocationHandler> sorted = new ArrayList<>(codes.values());
    sorted.sort(Comparator.comparingInt(handler -> handler.kind().code()));
    this.all = Collections.unmodifiableList(sorted);
  }

  /** The kinds of every table on this class's class path, loaded once. */
  public static RelocationRegistry standard() {
    RelocationRegistry registry = standard;
    if (registry == null) {
      synchronized (RelocationRegistry.class) {
        registry = standard;
        if (registry == null) {
          registry = load(RelocationRegistry.class.getClassLoader());
          standard = registry;
        }
      }
    }
    return registry;
  }

  /** The kinds of every table the given class loader can find. */
  public static RelocationRegistry load(ClassLoader loader) {
    List<RelocationTable> tables = new ArrayList<>();
    ServiceLoader.load(RelocationTable.class, loader).forEach(tables::add);
    // Service order depends on the class path; sort so that a clash is always reported the same way.
    tables.sort(Comparator.comparing(table -> table.getClass().getName()));
    return new RelocationRegistry(tables);
  }

  /** A registry over exactly these tables. */
  public static RelocationRegistry of(List<RelocationTable> tables) {
    return new RelocationRegistry(tables);
  }

  /** The handler for a code, or {@code null}. */
  public RelocationHandler byCode(int code) {
    return code >= 0 && code < byCode.length ? byCode[code] : null;
  }

  /** The kind of a code, or {@code null}: what {@code byCode(code).kind()} says. */
  public RelocationKind kindOf(int code) {
    return code >= 0 && code < kinds.length ? kinds[code] : null;
  }

  /** The handler for a name, or {@code null}. */
  public RelocationHandler byName(String name) {
    return byName.get(name);
  }

  /** Every handler, in code order. */
  public List<RelocationHandler> handlers() {
    return all;
  }
}
