package dev.wasmlink.linker.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files beside an output: new each time, private, and never a file that is already there. */
class TemporaryFileTest {
  @TempDir Path dir;

  @Test
  void eachCallCreatesANewEmptyFileOnlyItsOwnerCanReadNamedAfterTheOutputAndThisProcess() throws IOException {
    Path first = TemporaryFile.createBeside(dir, "out.wasm");
    Path second = TemporaryFile.createBeside(dir, "out.wasm");
    assertNotEquals(first, second);
    for (Path file : new Path[] {first, second}) {
      assertEquals(dir, file.getParent());
      assertTrue(file.getFileName().toString().matches("out\\.wasm\\." + ProcessHandle.current().pid()
          + "-\\d+\\.tmp"), file.toString());
      assertEquals(0, Files.size(file));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
  }

  @Test
  void aNameLeftByAnEarlierProcessWithTheSameIdIsSkippedNotReused() throws IOException {
    // The counter's next values, as a process that died with this pid could have left them.
    Path probe = TemporaryFile.createBeside(dir, "out.wasm");
    long next = Long.parseLong(probe.getFileName().toString().replaceAll(".*-(\\d+)\\.tmp", "$1")) + 1;
    String prefix = "out.wasm." + ProcessHandle.current().pid() + "-";
    for (long n = next; n < next + 5; n++) {
      Files.writeString(dir.resolve(prefix + n + ".tmp"), "someone else's");
    }
    Path created = TemporaryFile.createBeside(dir, "out.wasm");
    assertEquals(prefix + (next + 5) + ".tmp", created.getFileName().toString());
    assertEquals(0, Files.size(created));
    assertEquals("someone else's", Files.readString(dir.resolve(prefix + next + ".tmp")));
  }
}
