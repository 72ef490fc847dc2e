package dev.wasmlink.linker.write;

import dev.wasmlink.linker.symbols.InputFunction;

/** The bodies of the functions the linker writes itself. */
final class FunctionBodies {
  private FunctionBodies() {}

  /** A generated body as its generator writes it; otherwise no locals, then the calls (or a trap), then {@code end}. */
  static byte[] synthesize(InputFunction function) {
    byte[] generated = function.generateBody();
    if (generated != null) {
      return generated;
    }
    Instructions body = new Instructions().noLocals();
    if (function.traps()) {
      body.unreachable();
    }
    for (InputFunction.Call call : function.calls()) {
      if (call.forwardParameters()) {
        for (int i = 0; i < function.type().parameters().size(); i++) {
          body.localGet(i);
        }
      }
      InputFunction target = call.target().function();
      body.call(target != null ? target.outputIndex() : call.target().outputIndex());
      if (!call.forwardParameters()) {
        // An imported target (an undefined constructor under --allow-undefined) has the signature of its import.
        int results = (target != null ? target.type() : call.target().signature()).results().size();
        for (int i = 0; i < results; i++) {
          body.drop();
        }
      }
    }
    return body.end().toByteArray();
  }
}
