package dev.wasmlink.linker.write;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.relocate.ObjectResolver;
import dev.wasmlink.linker.relocate.Relocator;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.spec.io.ByteWriter;
import dev.wasmlink.spec.reloc.PatchedSection;
import java.util.function.Function;

/**
 * The code section's payload, written into one buffer sized beforehand and filled in parallel. Relocations patch
 * fields at their full width, so no body changes size: every function's place is known before any is copied, and the
 * functions are copied and patched independently, on as many threads as there are. Any thread count gives the same
 * bytes; when bodies fail to patch, the first failing function in output order is reported, as a sequential writer
 * would.
 */
final class CodeSectionWriter {
  private final ModuleLayout layout;
  private final Placements placements;
  private final Function<InputObject, ObjectResolver> resolvers;
  private final Relocator relocator = new Relocator();

  /** @param resolvers the resolver of each object; asked for every object before the parallel part starts */
  CodeSectionWriter(ModuleLayout layout, Placements placements, Function<InputObject, ObjectResolver> resolvers) {
    this.layout = layout;
    this.placements = placements;
    this.resolvers = resolvers;
  }

  /** The function count, then each function's size and body; records where each lands for DWARF and the map. */
  byte[] write() {
    var functions = layout.functions();
    int count = functions.size();
    byte[][] synthesized = new byte[count][];
    int[] bodyStarts = new int[count];
    int position = ByteWriter.uleb32Length(count);
    for (int i = 0; i < count; i++) {
      InputFunction function = functions.get(i);
      int size;
      if (function.isSynthetic()) {
        synthesized[i] = FunctionBodies.synthesize(function);
        size = synthesized[i].length;
      } else {
        size = function.body().length();
        resolvers.apply(function.file());
      }
      int entry = position;
      position += ByteWriter.uleb32Length(size);
      bodyStarts[i] = position;
      // DWARF's function offsets point at the body, after its size.
      layout.placeBody(function, position);
      position += size;
      placements.function(function, entry, position - entry);
    }
    byte[] code = new byte[position];
    int cursor = writeUleb(code, 0, count);
    for (int i = 0; i < count; i++) {
      int size = synthesized[i] != null ? synthesized[i].length : functions.get(i).body().length();
      writeUleb(code, cursor, size);
      cursor = bodyStarts[i] + size;
    }
    InParallel.forEach(count, i -> copyAndPatch(functions.get(i), synthesized[i], code, bodyStarts[i]));
    return code;
  }

  private void copyAndPatch(InputFunction function, byte[] synthesized, byte[] code, int bodyStart) {
    if (synthesized != null) {
      System.arraycopy(synthesized, 0, code, bodyStart, synthesized.length);
      return;
    }
    function.body().copyTo(code, bodyStart);
    InputObject object = function.file();
    relocator.apply(object.relocations(function), object.name(), "CODE", PatchedSection.CODE,
        resolvers.apply(object), code, function.codeOffset(), bodyStart);
  }

  /** Writes {@code value} as an unsigned LEB128 at {@code position}; returns the position after it. */
  private static int writeUleb(byte[] buffer, int position, int value) {
    long rest = Integer.toUnsignedLong(value);
    do {
      byte b = (byte) (rest & 0x7F);
      rest >>>= 7;
      buffer[position++] = (byte) (rest != 0 ? b | 0x80 : b);
    } while (rest != 0);
    return position;
  }
}
