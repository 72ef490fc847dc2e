package dev.wasmlink.linker.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command lines that clang, emcc and rustc really pass to wasm-ld. */
class CompilerCommandLinesTest {

  @TempDir Path dir;

  private static List<String> split(String line) {
    return List.of(line.trim().split("\\s+"));
  }

  @Test
  void clang19ForWasm32Wasi() {
    // clang-19 --target=wasm32-wasi x.c -o x.wasm, with the --keep-section clang adds when it runs wasm-opt.
    LinkOptions o = WasmLdCommandLine.parse(split("-m wasm32 -L/usr/lib/wasm32-wasi /usr/lib/wasm32-wasi/crt1-command.o"
        + " x.o -lc /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a -o x.wasm"
        + " --keep-section=target_features"), dir);

    assertEquals("wasm32", o.machine());
    assertEquals(List.of(Path.of("/usr/lib/wasm32-wasi")), o.librarySearchPaths());
    assertEquals(List.of(
        FileInput.of("/usr/lib/wasm32-wasi/crt1-command.o"),
        FileInput.of("x.o"),
        new LibraryInput("c", false),
        FileInput.of("/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a")), o.inputs());
    assertEquals(Path.of("x.wasm"), o.output());
    assertEquals(List.of("target_features"), o.keepSections());
    assertEquals("_start", o.entry());
    assertTrue(o.gcSections());
    assertTrue(o.exportMemory());
    assertEquals(UnresolvedSymbols.REPORT_ALL, o.unresolvedSymbols());
    assertEquals(List.of(), o.warnings());
    assertEquals(List.of(), WasmLdCommandLine.checkLinkable(o));
  }

  @Test
  void clang19FindsLibcInItsSearchPath() throws IOException {
    Path sysroot = Files.createDirectories(dir.resolve("usr/lib/wasm32-wasi"));
    Files.writeString(sysroot.resolve("libc.a"), "!<arch>\n");

    LinkOptions o = WasmLdCommandLine.parse(List.of("-m", "wasm32", "-L" + sysroot, "x.o", "-lc", "-o", "x.wasm"), dir);

    assertEquals(sysroot.resolve("libc.a"), o.findLibrary(((LibraryInput) o.inputs().get(1)).name()).orElseThrow());
  }

  /** Exactly what emcc 3.1.6 passed for {@code emcc m.c -o out.js}. */
  static final String EMCC_3_1_6 = "-o out.wasm /tmp/emscripten_temp_hxr7usvj/m_0.o"
      + " -L/usr/share/emscripten/cache/sysroot/lib/wasm32-emscripten -lGL -lal -lhtml5 -lstubs-debug -lnoexit"
      + " -lc-debug -ldlmalloc -lcompiler_rt -lc++-noexcept -lc++abi-noexcept -lsockets"
      + " -mllvm -combiner-global-alias-analysis=false -mllvm -enable-emscripten-sjlj -mllvm -disable-lsr"
      + " --import-undefined --strip-debug --export-if-defined=main --export-if-defined=__start_em_asm"
      + " --export-if-defined=__stop_em_asm --export-if-defined=__stdio_exit --export=emscripten_stack_get_end"
      + " --export=emscripten_stack_get_free --export=emscripten_stack_get_base --export=emscripten_stack_init"
      + " --export=stackSave --export=stackRestore --export=stackAlloc --export=__wasm_call_ctors"
      + " --export=__errno_location --export-table -z stack-size=5242880 --initial-memory=16777216 --no-entry"
      + " --max-memory=16777216 --global-base=1024";

  @Test
  void emcc316() {
    LinkOptions o = WasmLdCommandLine.parse(split(EMCC_3_1_6), dir);

    assertEquals(Path.of("out.wasm"), o.output());
    assertEquals(FileInput.of("/tmp/emscripten_temp_hxr7usvj/m_0.o"), o.inputs().get(0));
    List<String> libraries = new ArrayList<>();
    for (InputArgument input : o.inputs().subList(1, o.inputs().size())) {
      libraries.add(((LibraryInput) input).name());
    }
    assertEquals(List.of("GL", "al", "html5", "stubs-debug", "noexit", "c-debug", "dlmalloc", "compiler_rt",
        "c++-noexcept", "c++abi-noexcept", "sockets"), libraries);
    assertEquals(List.of("-combiner-global-alias-analysis=false", "-enable-emscripten-sjlj", "-disable-lsr"),
        o.mllvm());
    assertTrue(o.importUndefined());
    assertFalse(o.allowUndefined());
    assertEquals(UnresolvedSymbols.REPORT_ALL, o.unresolvedSymbols());
    assertTrue(o.stripDebug());
    assertFalse(o.stripAll());
    assertEquals(List.of("main", "__start_em_asm", "__stop_em_asm", "__stdio_exit"), o.exportsIfDefined());
    assertEquals(List.of("emscripten_stack_get_end", "emscripten_stack_get_free", "emscripten_stack_get_base",
        "emscripten_stack_init", "stackSave", "stackRestore", "stackAlloc", "__wasm_call_ctors",
        "__errno_location"), o.exports());
    assertTrue(o.exportTable());
    assertEquals(5242880L, o.stackSize());
    assertEquals(16777216L, o.initialMemory());
    assertEquals(16777216L, o.maxMemory());
    assertEquals(1024L, o.globalBase());
    assertNull(o.entry());
    assertTrue(o.noEntry());
    assertTrue(o.exportMemory());
    assertFalse(o.importMemory());
    assertEquals(List.of(), o.warnings());
    assertEquals(List.of(), WasmLdCommandLine.checkLinkable(o));
  }

  @Test
  void emcc316WithPthreads() {
    // emcc -pthread m.c -o outp.js (emcc 3.1.6), cut to the flags that differ.
    LinkOptions o = WasmLdCommandLine.parse(split("-o outp.wasm /tmp/emscripten_temp_8y363a1n/m_0.o"
        + " -L/usr/share/emscripten/cache/sysroot/lib/wasm32-emscripten"
        + " /usr/share/emscripten/cache/sysroot/lib/wasm32-emscripten/crtbegin.o -lGL-mt -lc-mt-debug"
        + " -mllvm -combiner-global-alias-analysis=false -mllvm -enable-emscripten-sjlj -mllvm -disable-lsr"
        + " --import-undefined --import-memory --shared-memory --strip-debug --export-if-defined=main"
        + " --export-if-defined=_emscripten_thread_init --export-if-defined=pthread_self"
        + " --export=emscripten_stack_get_end --export=__wasm_call_ctors --export=malloc --export=free"
        + " --export-table -z stack-size=5242880 --initial-memory=16777216 --no-entry --max-memory=16777216"
        + " --global-base=1024"), dir);

    assertTrue(o.importMemory());
    assertTrue(o.importMemoryExplicit());
    assertEquals("env", o.memoryImportModule());
    assertEquals("memory", o.memoryImportName());
    assertFalse(o.exportMemory());
    assertNull(o.memoryExportName());
    assertTrue(o.sharedMemory());
    assertTrue(o.importUndefined());
    assertEquals(List.of("main", "_emscripten_thread_init", "pthread_self"), o.exportsIfDefined());
    assertEquals(FileInput.of("/usr/share/emscripten/cache/sysroot/lib/wasm32-emscripten/crtbegin.o"),
        o.inputs().get(1));
    assertEquals(new LibraryInput("c-mt-debug", false), o.inputs().get(3));
    assertEquals(List.of(), WasmLdCommandLine.checkLinkable(o));
  }

  @Test
  void emccWithTheFlagsFromItsDocumentation() {
    // The brief's example, with --shared-memory/--import-memory and the sjlj -mllvm flags together.
    LinkOptions o = WasmLdCommandLine.parse(split("-o out.wasm --strip-debug --export-if-defined=main"
        + " --export-if-defined=__start_em_asm --export-if-defined=__stop_em_asm --export-if-defined=fflush"
        + " --export=emscripten_stack_get_end --export-table -z stack-size=5242880 --initial-memory=16777216"
        + " --no-entry --max-memory=16777216 --global-base=1024 --import-memory --shared-memory --import-undefined"
        + " -mllvm -combiner-global-alias-analysis=false -mllvm -enable-emscripten-sjlj a.o"), dir);

    assertEquals(List.of("main", "__start_em_asm", "__stop_em_asm", "fflush"), o.exportsIfDefined());
    assertEquals(List.of("emscripten_stack_get_end"), o.exports());
    assertTrue(o.sharedMemory());
    assertTrue(o.importMemory());
    assertFalse(o.exportMemory());
    assertEquals(2, o.mllvm().size());
    assertEquals(List.of(FileInput.of("a.o")), o.inputs());
  }

  /**
   * What rustc 1.63 passes for a wasm32-wasi binary: {@code -flavor wasm --rsp-quoting=posix @FILE} once the command
   * line is long, with one argument a line in FILE, spaces and backslashes escaped with a backslash.
   */
  @Test
  void rustc163ForWasm32Wasi() throws IOException {
    Path tmp = Files.createDirectories(dir.resolve("rustcAbCdEf"));
    String sysroot = "/home/user/.rustup/toolchains/1.63.0-x86_64-unknown-linux-gnu/lib/rustlib/wasm32-wasi/lib";
    Files.writeString(tmp.resolve("linker-arguments"), String.join("\n",
        "-z",
        "stack-size=1048576",
        "--stack-first",
        "--allow-undefined",
        "--fatal-warnings",
        "--no-demangle",
        "--export-dynamic",
        "--no-entry",
        "--export=__main_void",
        "/home/user/my\\ project/target/wasm32-wasi/debug/deps/hello-6b7b3e0ae6a5c0bd.hello.1a2b3c4d-cgu.0.rcgu.o",
        "/home/user/my\\ project/target/wasm32-wasi/debug/deps/hello-6b7b3e0ae6a5c0bd.4z8a1n0bq7x3y0v.rcgu.o",
        "-L",
        sysroot,
        sysroot + "/libstd-0a2b8f1e7c2b8e7d.rlib",
        sysroot + "/libcompiler_builtins-5d8a2e1b0f9c3a4e.rlib",
        "-l",
        "c",
        "-L",
        sysroot + "/self-contained",
        "-o",
        "/home/user/my\\ project/target/wasm32-wasi/debug/deps/hello-6b7b3e0ae6a5c0bd.wasm",
        "--gc-sections",
        "-O0",
        "--strip-debug",
        sysroot + "/self-contained/crt1-command.o",
        ""));

    LinkOptions o = WasmLdCommandLine.parse(
        List.of("-flavor", "wasm", "--rsp-quoting=posix", "@" + tmp.resolve("linker-arguments")), dir);

    assertEquals("wasm", o.flavor());
    assertEquals(ResponseFiles.Quoting.POSIX, o.rspQuoting());
    assertEquals(1048576L, o.zStackSize());
    assertEquals(Boolean.TRUE, o.stackFirst());
    assertEquals(0, o.globalBaseOrDefault());
    assertTrue(o.allowUndefined());
    assertTrue(o.importUndefined());
    assertEquals(UnresolvedSymbols.IGNORE_ALL, o.unresolvedSymbols());
    assertTrue(o.fatalWarnings());
    assertFalse(o.demangle());
    assertTrue(o.exportDynamic());
    assertNull(o.entry());
    assertEquals(List.of("__main_void"), o.exports());
    assertEquals(List.of(Path.of(sysroot), Path.of(sysroot + "/self-contained")), o.librarySearchPaths());
    assertEquals(List.of(
        FileInput.of("/home/user/my project/target/wasm32-wasi/debug/deps/"
            + "hello-6b7b3e0ae6a5c0bd.hello.1a2b3c4d-cgu.0.rcgu.o"),
        FileInput.of("/home/user/my project/target/wasm32-wasi/debug/deps/"
            + "hello-6b7b3e0ae6a5c0bd.4z8a1n0bq7x3y0v.rcgu.o"),
        FileInput.of(sysroot + "/libstd-0a2b8f1e7c2b8e7d.rlib"),
        FileInput.of(sysroot + "/libcompiler_builtins-5d8a2e1b0f9c3a4e.rlib"),
        new LibraryInput("c", false),
        FileInput.of(sysroot + "/self-contained/crt1-command.o")), o.inputs());
    assertEquals(Path.of("/home/user/my project/target/wasm32-wasi/debug/deps/hello-6b7b3e0ae6a5c0bd.wasm"),
        o.output());
    assertTrue(o.gcSections());
    assertEquals(0, o.optimization());
    assertTrue(o.stripDebug());
    assertEquals(List.of(), o.warnings());
    assertEquals(List.of(), WasmLdCommandLine.checkLinkable(o));
  }

  @Test
  void rustcCdylibWithExportsAndWholeArchive() throws IOException {
    Files.writeString(dir.resolve("linker-arguments"), String.join("\n",
        "-z", "stack-size=1048576", "--stack-first", "--allow-undefined", "--fatal-warnings", "--no-demangle",
        "--no-entry", "--export", "add", "--export", "__heap_base", "--export", "__data_end",
        "lib.rcgu.o", "--whole-archive", "-l", "static_dep", "--no-whole-archive", "-o", "lib.wasm",
        "--gc-sections", "-O3", "--strip-all"));

    LinkOptions o = WasmLdCommandLine.parse(
        List.of("-flavor", "wasm", "--rsp-quoting=posix", "@linker-arguments"), dir);

    assertEquals(List.of("add", "__heap_base", "__data_end"), o.exports());
    assertEquals(List.of(FileInput.of("lib.rcgu.o"), new LibraryInput("static_dep", true)), o.inputs());
    assertEquals(3, o.optimization());
    assertTrue(o.stripAll());
  }
}
