package dev.wasmlink.tests.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.linker.input.InputFiles;
import dev.wasmlink.linker.object.ObjectChecker;
import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.linker.object.ObjectWriter;
import dev.wasmlink.linker.object.SectionHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Decode, encode, decode gives back the same model, for every corpus object and every member of wasi-libc's libc.a
 * and emscripten's libc-mt.a; and writing is deterministic.
 */
class RoundTripTest {

  @TestFactory
  Stream<DynamicTest> corpusObjectsRoundTrip() {
    return Corpus.objects().stream()
        .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(),
            () -> assertRoundTrip(ObjectInputs.read(path))));
  }

  @Test
  void everyWasiLibcMemberRoundTrips() {
    assertArchiveRoundTrips(SystemLibraries.all().get(0));
  }

  @Test
  void everyEmscriptenThreadedLibcMemberRoundTrips() {
    assertArchiveRoundTrips(SystemLibraries.all().get(1));
  }

  private static void assertArchiveRoundTrips(Path archive) {
    List<ObjectFile> members = ObjectInputs.members(archive);
    assertTrue(members.size() > 500, archive + " has only " + members.size() + " object members");
    List<String> failures = new ArrayList<>();
    for (ObjectFile member : members) {
      try {
        assertRoundTrip(member);
      } catch (AssertionError | RuntimeException e) {
        failures.add(member.location().input() + ": " + e.getMessage());
      }
    }
    assertEquals(List.of(), failures, failures.size() + " of " + members.size() + " members do not round-trip");
  }

  static void assertRoundTrip(ObjectFile original) {
    ObjectChecker.check(original);
    byte[] written = ObjectWriter.write(original);
    ObjectFile reread = InputFiles.readObject(written, original.location().input() + " (re-encoded)");
    ObjectChecker.check(reread);

    List<SectionHeader> before = original.sections();
    List<SectionHeader> after = reread.sections();
    assertEquals(before.size(), after.size(), "section count");
    for (int i = 0; i < before.size(); i++) {
      SectionHeader a = before.get(i);
      SectionHeader b = after.get(i);
      assertEquals(a.id(), b.id(), "id of section " + i);
      assertEquals(a.name(), b.name(), "name of section " + i);
      Object model = original.decoded(a);
      if (model == null) {
        assertEquals(a.payload(), b.payload(), "bytes of undeclared section " + a.name());
      } else {
        assertEquals(model, reread.decoded(b), "model of section " + a.name());
      }
    }
    assertArrayEquals(written, ObjectWriter.write(reread), "writing the re-read object changes its bytes");
  }
}
