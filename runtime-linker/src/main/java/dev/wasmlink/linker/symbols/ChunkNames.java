package dev.wasmlink.linker.symbols;

import dev.wasmlink.spec.format.SymbolFlags;
import dev.wasmlink.spec.format.SymbolInfo;
import java.util.List;

/** Gives an object's functions and globals the names the output's name section and reports use. */
public final class ChunkNames {
  private ChunkNames() {}

  /** The name of the trap an undefined weak function stands for, as wasm-ld names it: {@code undefined_weak:NAME}. */
  public static String undefinedWeakTrap(String function) {
    return "undefined_weak:" + function;
  }

  /**
   * Names each function and global of an object after the first of its own symbols that defines it (whether or not
   * that definition won), for the name section and for reports about removed chunks.
   */
  public static void assign(InputObject object) {
    List<SymbolInfo> infos = object.symbolInfos();
    for (int i = 0; i < infos.size(); i++) {
      SymbolInfo info = infos.get(i);
      if ((info.flags() & SymbolFlags.UNDEFINED) != 0) {
        continue;
      }
      String name = object.symbol(i).name();
      if (info instanceof SymbolInfo.Function function) {
        object.functions().get(function.index() - object.importedFunctionCount()).nameIfUnnamed(name);
      } else if (info instanceof SymbolInfo.Global global) {
        object.globals().get(global.index() - object.importedGlobalCount()).nameIfUnnamed(name);
      }
    }
  }
}
