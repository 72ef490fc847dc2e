package dev.wasmlink.tests.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.linker.cli.Main;
import dev.wasmlink.linker.object.ObjectWriter;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What wasmlink reads and writes, as the reference tools see it: {@code wasmlink dump} lists exactly the relocations
 * {@code wasm-objdump -x} (or, for objects wabt cannot read, {@code llvm-readobj-19}) lists, and {@code obj2yaml-19}
 * prints the same YAML for an object and for wasmlink's re-encoding of it.
 */
class ExternalToolAgreementTest {
  /**
   * {@code - R_WASM_X offset=0x000004(file=0x0000f0) symbol=1 <foo>+0x4} in wasm-objdump's details; offset 0 comes
   * out as {@code 00000000}, without the {@code 0x} ({@code printf("%#08x")}).
   */
  private static final Pattern OBJDUMP_RELOCATION = Pattern.compile(
      "^\\s+- (R_WASM_\\w+) offset=(?:0x)?([0-9a-f]+)\\(file=0x[0-9a-f]+\\) (?:symbol|type)=(\\d+)(.*?)$");
  private static final Pattern OBJDUMP_ADDEND = Pattern.compile("([+-])0x([0-9a-f]+)$");
  /** {@code R_WASM_X  offset=0x000004 symbol=1 <foo> + 4} in wasmlink's dump. */
  private static final Pattern DUMP_RELOCATION = Pattern.compile(
      "^\\s+(R_WASM_\\w+)\\s+offset=0x([0-9a-f]+) (?:symbol|type)=(\\d+)(?: <.*>)?(?: ([+-]) (\\d+))?$");

  @TempDir Path temp;

  /**
   * wabt 1.0.32 knows relocation codes 0 to 21 only: it names 22 wrongly and stops listing a section at the first code
   * it does not know. Objects with later kinds are compared with llvm-readobj alone.
   */
  private static final int LAST_CODE_WABT_KNOWS = 21;

  @TestFactory
  Stream<DynamicTest> dumpListsTheRelocationsLlvmReadobjLists() {
    return Corpus.objects().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
      List<String> ours = dumpRelocations(path);
      assertFalse(ours.isEmpty(), "every corpus object has relocations");
      assertEquals(readobjRelocations(path), withoutIndices(ours));
    }));
  }

  @TestFactory
  Stream<DynamicTest> dumpListsTheRelocationsWasmObjdumpLists() {
    return Corpus.objects().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
      Tools.Result objdump = Tools.run(Tools.command(Tools.require("wasm-objdump", "wabt"), "-x", "-r", path));
      if (objdump.exitCode() != 0) {
        // wabt 1.0.32 refuses 64-bit tables; llvm-readobj covers those objects above.
        assertTrue(objdump.stderr().contains("table"), objdump.stderr());
        return;
      }
      List<String> ours = dumpRelocations(path);
      boolean wabtKnowsAll = ours.stream()
          .allMatch(line -> RelocationRegistry.standard().byName(line.split(" ")[0]).kind().code()
              <= LAST_CODE_WABT_KNOWS);
      if (wabtKnowsAll) {
        assertEquals(objdumpRelocations(objdump.stdout()), ours);
      }
    }));
  }

  @Test
  void dumpListsWasmObjdumpsRelocationsForEveryLibraryMember() throws IOException {
    List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    int checked = 0;
    for (Path archive : SystemLibraries.all()) {
      List<Path> members = ObjectInputs.extract(archive, temp.resolve(archive.getFileName() + ".members"));
      checked += members.size();
      members.parallelStream().forEach(member -> {
        Tools.Result objdump = Tools.run(Tools.command("/usr/bin/wasm-objdump", "-x", "-r", member));
        List<String> ours = dumpRelocations(member);
        if (objdump.exitCode() != 0 || !objdumpRelocations(objdump.stdout()).equals(ours)) {
          mismatches.add(archive.getFileName() + "(" + member.getFileName() + ")");
        }
      });
    }
    assertTrue(checked > 1500, "only " + checked + " members");
    assertEquals(List.of(), mismatches);
  }

  @TestFactory
  Stream<DynamicTest> obj2yamlSeesTheSameObjectAfterReencoding() {
    return Corpus.objects().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(),
        () -> assertSameYaml(path)));
  }

  @TestFactory
  Stream<DynamicTest> wasmObjdumpSeesTheSameObjectAfterReencoding() {
    return Corpus.objects().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(),
        () -> assertSameObjdump(path)));
  }

  @Test
  void obj2yamlAndWasmObjdumpSeeEveryLibraryMemberUnchangedAfterReencoding() {
    List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    for (Path archive : SystemLibraries.all()) {
      List<Path> members = ObjectInputs.extract(archive, temp.resolve(archive.getFileName() + ".yaml"));
      members.parallelStream().forEach(member -> {
        try {
          assertSameYaml(member);
          assertSameObjdump(member);
        } catch (AssertionError | RuntimeException | IOException e) {
          mismatches.add(archive.getFileName() + "(" + member.getFileName() + ")");
        }
      });
    }
    assertEquals(List.of(), mismatches);
  }

  private void assertSameYaml(Path object) throws IOException {
    Path reencoded = temp.resolve(object.getFileName() + ".reencoded.o");
    Files.write(reencoded, ObjectWriter.write(ObjectInputs.read(object)));
    Path obj2yaml = Tools.require("obj2yaml-19", "llvm-19");
    String before = Tools.output(List.of(obj2yaml.toString(), object.toString()));
    String after = Tools.output(List.of(obj2yaml.toString(), reencoded.toString()));
    assertEquals(withoutSizeEncodings(before), withoutSizeEncodings(after));
  }

  /**
   * wasm-objdump -x lists the same details for an object and its re-encoding, once file positions and section sizes
   * (which shortest-form LEBs change) are left out. An object wabt cannot read (64-bit tables) is compared with
   * obj2yaml alone.
   */
  private void assertSameObjdump(Path object) throws IOException {
    Tools.Result before = Tools.run(Tools.command(Tools.require("wasm-objdump", "wabt"), "-x", object));
    if (before.exitCode() != 0) {
      return;
    }
    Path reencoded = temp.resolve(object.getFileName() + ".reencoded-for-objdump.o");
    Files.write(reencoded, ObjectWriter.write(ObjectInputs.read(object)));
    String after = Tools.output(Tools.command("/usr/bin/wasm-objdump", "-x", reencoded));
    assertEquals(withoutPositions(before.stdout()), withoutPositions(after));
  }

  private static String withoutPositions(String objdump) {
    return objdump
        .replaceAll("(?m)^.*file format.*$", "")
        .replaceAll("start=0x[0-9a-f]+ end=0x[0-9a-f]+ \\(size=0x[0-9a-f]+\\)", "")
        .replaceAll("\\(file=0x[0-9a-f]+\\)", "");
  }

  /**
   * obj2yaml records how many bytes a section's size LEB took when it is not the usual 5; wasmlink writes sizes in
   * their shortest form, which changes that width and nothing else.
   */
  private static String withoutSizeEncodings(String yaml) {
    return yaml.replaceAll("(?m)^\\s*HeaderSecSizeEncodingLen: \\d+\\n", "");
  }

  /** Our relocations as {@code TYPE offset index addend} lines, read from {@code wasmlink dump}. */
  private static List<String> dumpRelocations(Path object) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"dump", object.toString()}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, status, err.toString());
    List<String> relocations = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      Matcher m = DUMP_RELOCATION.matcher(line);
      if (m.matches()) {
        long addend = m.group(4) == null ? 0 : Long.parseLong(m.group(5)) * (m.group(4).equals("-") ? -1 : 1);
        relocations.add(m.group(1) + " " + Long.parseLong(m.group(2), 16) + " " + m.group(3) + " " + addend);
      }
    }
    return relocations;
  }

  private static List<String> objdumpRelocations(String objdump) {
    List<String> relocations = new ArrayList<>();
    for (String line : objdump.split("\n")) {
      Matcher m = OBJDUMP_RELOCATION.matcher(line);
      if (m.matches()) {
        Matcher addend = OBJDUMP_ADDEND.matcher(m.group(4));
        long value = addend.find() ? Long.parseLong(addend.group(2), 16) * (addend.group(1).equals("-") ? -1 : 1) : 0;
        relocations.add(m.group(1) + " " + Long.parseLong(m.group(2), 16) + " " + m.group(3) + " " + value);
      }
    }
    return relocations;
  }

  /** llvm-readobj names symbols, not indices: compare type, offset and addend. */
  private static List<String> readobjRelocations(Path object) {
    String text = Tools.output(Tools.command(Tools.require("llvm-readobj-19", "llvm-19"), "--relocations",
        "--expand-relocs", object));
    List<String> relocations = new ArrayList<>();
    String type = null;
    long offset = 0;
    long addend = 0;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("Type: ")) {
        type = line.substring(6, line.indexOf(' ', 6));
        addend = 0;
      } else if (line.startsWith("Offset: ")) {
        offset = Long.decode(line.substring(8));
      } else if (line.startsWith("Addend: ")) {
        addend = Long.parseLong(line.substring(8));
      } else if (line.equals("}") && type != null) {
        relocations.add(type + " " + offset + " " + addend);
        type = null;
      }
    }
    return relocations;
  }

  private static List<String> withoutIndices(List<String> relocations) {
    List<String> result = new ArrayList<>();
    for (String relocation : relocations) {
      String[] parts = relocation.split(" ");
      result.add(parts[0] + " " + parts[1] + " " + parts[3]);
    }
    return result;
  }
}
