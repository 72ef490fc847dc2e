package dev.wasmlink.linker.write;

import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.spec.io.ByteWriter;

/** The bodies of the functions the linker writes itself. */
final class FunctionBodies {
  private static final int CALL = 0x10;
  private static final int DROP = 0x1A;
  private static final int LOCAL_GET = 0x20;
  private static final int UNREACHABLE = 0x00;
  private static final int END = 0x0B;

  private FunctionBodies() {}

  /** A generated body as its generator writes it; otherwise no locals, then the calls (or a trap), then {@code end}. */
  static byte[] synthesize(InputFunction function) {
    byte[] generated = function.generateBody();
    if (generated != null) {
      return generated;
    }
    ByteWriter body = new ByteWriter();
    body.writeUleb32(0);
    if (function.traps()) {
      body.writeU8(UNREACHABLE);
    }
    for (InputFunction.Call call : function.calls()) {
      if (call.forwardParameters()) {
        for (int i = 0; i < function.type().parameters().size(); i++) {
          body.writeU8(LOCAL_GET);
          body.writeUleb32(i);
        }
      }
      InputFunction target = call.target().function();
      body.writeU8(CALL);
      body.writeUleb32(target != null ? target.outputIndex() : call.target().outputIndex());
      if (!call.forwardParameters() && target != null) {
        for (int i = 0; i < target.type().results().size(); i++) {
          body.writeU8(DROP);
        }
      }
    }
    body.writeU8(END);
    return body.toByteArray();
  }
}
