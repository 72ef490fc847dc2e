package dev.wasmlink.linker.link;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.SymbolTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The functions wasm-ld writes for calls made with a signature other than the definition's
 * ({@code function signature mismatch}): one per function and mismatched signature, named
 * {@code signature_mismatch:NAME}, whose body traps, since a call with the wrong signature could not validate. The
 * object that expected that signature reaches the stub instead of the function, through every reference it makes
 * (a call, an address), and a relocatable output ({@code -r}) keeps the stub as a local function of that object, as
 * wasm-ld does: the mismatch stays visible to the link that follows.
 */
public final class SignatureStubs {
  private SignatureStubs() {}

  /**
   * Makes the stubs live objects need, in the order the objects expect them, and records each in
   * {@link ModuleLayout#signatureStubs()}.
   */
  public static List<InputFunction> create(SymbolTable symbols, ModuleLayout layout) {
    List<InputFunction> stubs = new ArrayList<>();
    for (InputObject object : symbols.objects()) {
      object.expectedSignatures().forEach((symbol, signature) -> {
        if (!symbol.isLive()) {
          return;
        }
        layout.signatureStubs().computeIfAbsent(symbol, s -> new LinkedHashMap<>()).computeIfAbsent(signature, t -> {
          InputFunction stub = InputFunction.trap("signature_mismatch:" + symbol.name(), signature);
          stubs.add(stub);
          return stub;
        });
      });
    }
    return stubs;
  }
}
