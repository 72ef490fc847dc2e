package dev.wasmlink.linker.symbols;

import dev.wasmlink.spec.format.TypeEntry;
import dev.wasmlink.spec.io.ByteSlice;
import java.util.List;
import java.util.function.Supplier;

/**
 * A function defined by an input object (or synthesized by the linker): its signature and its body, a view of the
 * input until it is written. {@code codeOffset} is where the body starts in the input code section's payload, so
 * relocations (whose offsets count from that payload) can be mapped into it.
 */
public final class InputFunction {
  private final InputObject file;
  private final int definedIndex;
  private final TypeEntry.FunctionType type;
  private final ByteSlice body;
  private final int codeOffset;
  private String debugName;
  private final List<Call> calls;
  private final boolean traps;
  private final Supplier<byte[]> generatedBody;
  private boolean live;
  private int outputIndex = -1;
  /** Where the body starts in the output code section's payload; -1 until it is placed, and in a dropped function. */
  private int bodyOffset = -1;
  /** Shared by every symbol naming this function (aliases such as C++ D1/D2 destructors), as in wasm-ld. */
  private int tableSlot;

  public InputFunction(
      InputObject file, int definedIndex, TypeEntry.FunctionType type, ByteSlice body, int codeOffset,
      String debugName) {
    this.file = file;
    this.definedIndex = definedIndex;
    this.type = type;
    this.body = body;
    this.codeOffset = codeOffset;
    this.debugName = debugName;
    this.calls = List.of();
    this.traps = false;
    this.generatedBody = null;
  }

  /** One call of a synthetic function; a forwarding call passes the synthetic function's own parameters on. */
  public record Call(Symbol target, boolean forwardParameters) {}

  private InputFunction(
      String debugName, TypeEntry.FunctionType type, List<Call> calls, boolean traps, Supplier<byte[]> generatedBody) {
    this.file = null;
    this.definedIndex = -1;
    this.type = type;
    this.body = null;
    this.codeOffset = -1;
    this.debugName = debugName;
    this.calls = List.copyOf(calls);
    this.traps = traps;
    this.generatedBody = generatedBody;
  }

  /**
   * A function the linker writes: it makes {@code calls} in order ({@code __wasm_call_ctors}, command export
   * wrappers). What a non-forwarding call returns is dropped; what a forwarding call returns is returned.
   */
  public static InputFunction calling(String name, TypeEntry.FunctionType type, List<Call> calls) {
    return new InputFunction(name, type, calls, false, null);
  }

  /** A function that traps: what a call to an undefined weak function reaches. */
  public static InputFunction trap(String name, TypeEntry.FunctionType type) {
    return new InputFunction(name, type, List.of(), true, null);
  }

  /**
   * A function whose body (locals, instructions, {@code end}) the linker writes once the layout is final, such as
   * {@code __wasm_init_memory}, whose instructions hold segment addresses and indices.
   */
  public static InputFunction generated(String name, TypeEntry.FunctionType type, Supplier<byte[]> body) {
    return new InputFunction(name, type, List.of(), false, body);
  }

  /** For a generated function, its body as written once the layout is final; {@code null} otherwise. */
  public byte[] generateBody() {
    return generatedBody == null ? null : generatedBody.get();
  }

  public boolean isSynthetic() {
    return body == null;
  }

  /** For a synthetic function, the calls it makes, in order. */
  public List<Call> calls() {
    return calls;
  }

  /** For a synthetic function, whether its body is only {@code unreachable}. */
  public boolean traps() {
    return traps;
  }

  /** The object defining it, or {@code null} for a synthetic function. */
  public InputObject file() {
    return file;
  }

  /** Its position among the object's defined functions. */
  public int definedIndex() {
    return definedIndex;
  }

  public TypeEntry.FunctionType type() {
    return type;
  }

  /** Locals and instructions, without the size prefix; {@code null} for synthetic functions. */
  public ByteSlice body() {
    return body;
  }

  /** Where the body starts in the input code section's payload; -1 for synthetic functions. */
  public int codeOffset() {
    return codeOffset;
  }

  /** The name the output's name section gives it: the first symbol that names it. */
  public String debugName() {
    return debugName;
  }

  public void nameIfUnnamed(String name) {
    if (debugName == null) {
      debugName = name;
    }
  }

  public boolean isLive() {
    return live;
  }

  public void markLive() {
    live = true;
  }

  /** The function's slot in the indirect function table, 0 when its address is never taken. */
  public int tableSlot() {
    return tableSlot;
  }

  public void setTableSlot(int slot) {
    tableSlot = slot;
  }

  public int outputIndex() {
    return outputIndex;
  }

  public void setOutputIndex(int index) {
    outputIndex = index;
  }

  public int bodyOffset() {
    return bodyOffset;
  }

  public void setBodyOffset(int offset) {
    bodyOffset = offset;
  }

  @Override
  public String toString() {
    return debugName + (file == null ? "" : " in " + file);
  }
}
