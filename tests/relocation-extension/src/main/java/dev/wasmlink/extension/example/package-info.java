/**
 * A test fixture, not a real relocation catalogue: a jar of its own that declares one made-up relocation kind, so the
 * tests can show that a catalogue outside the linker's own modules is found with {@link java.util.ServiceLoader} and
 * joins {@link dev.wasmlink.spec.reloc.RelocationRegistry#standard()} with no change to the linker. Nothing here is
 * part of any WebAssembly convention; no compiler emits these codes.
 */
package dev.wasmlink.extension.example;
