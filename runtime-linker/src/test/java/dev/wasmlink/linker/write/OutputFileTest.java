package dev.wasmlink.linker.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.linker.input.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output is written whole or not at all, and a failure is one line in the C library's words. */
class OutputFileTest {
  @TempDir Path dir;

  @Test
  void aDiskThatFillsUpMidwayLeavesTheOldOutputAndNoTemporaryFile() throws IOException {
    Path output = dir.resolve("out.wasm");
    Files.writeString(output, "the previous link's output");
    InputException failure = assertThrows(InputException.class,
        () -> OutputFile.writeAtomically(output, stream -> new FullDisk(stream, 1000).write(new byte[4096])));
    assertEquals("cannot write output file " + output + ": No space left on device", failure.getMessage());
    assertEquals("the previous link's output", Files.readString(output));
    assertEquals(List.of(output), filesIn(dir));
  }

  @Test
  void aCompleteWriteReplacesTheOutputAndMakesItExecutable() throws IOException {
    Path output = dir.resolve("out.wasm");
    Files.writeString(output, "old");
    byte[] module = "\0asm\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    OutputFile.writeAtomically(output, module);
    assertArrayEquals(module, Files.readAllBytes(output));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
    assertEquals(List.of(output), filesIn(dir));
  }

  @Test
  void anOutputThatIsADirectoryIsRefusedBeforeAndAtWriting() throws IOException {
    Path output = Files.createDirectory(dir.resolve("out.wasm"));
    assertEquals("Is a directory", OutputFile.cannotCreate(output));
    InputException failure = assertThrows(InputException.class,
        () -> OutputFile.writeAtomically(output, new byte[8]));
    assertEquals("cannot open output file " + output + ": Is a directory", failure.getMessage());
    assertEquals(List.of(), filesIn(output));
  }

  @Test
  void aMissingDirectoryIsNamedAsTheCLibraryNamesIt() {
    assertEquals("No such file or directory", OutputFile.cannotCreate(dir.resolve("missing/out.wasm")));
    assertNull(OutputFile.cannotCreate(dir.resolve("out.wasm")));
    assertEquals(List.of(), filesIn(dir));
  }

  @Test
  void theShutdownHookRemovesAFileStillBeingWrittenAndLetsNoneBeCreatedAfter() throws IOException {
    PendingFiles pending = new PendingFiles();
    Path finished = pending.create(dir, "done.wasm");
    pending.done(finished);
    pending.create(dir, "out.wasm");
    pending.removeAll();
    assertEquals(List.of(finished), filesIn(dir));
    assertThrows(IOException.class, () -> pending.create(dir, "other.wasm"));
    assertEquals(List.of(finished), filesIn(dir));
  }

  /**
   * A special file such as {@code /dev/null} or a FIFO is written where it is: a temporary file moved over it would
   * replace the device (as root, {@code /dev/null} itself). A FIFO stands in for the device here.
   */
  @Test
  void aSpecialFileIsWrittenInPlaceNotReplaced() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor());
    assertNull(OutputFile.cannotCreate(fifo));
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readAllBytes(fifo);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    byte[] module = "\0asm\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    OutputFile.writeAtomically(fifo, module);
    assertArrayEquals(module, read.get(30, TimeUnit.SECONDS));
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO was replaced by a file");
    assertEquals(List.of(fifo), filesIn(dir));
  }

  private static List<Path> filesIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A stream that fails as a full disk does once {@code room} bytes are written. */
  private static final class FullDisk extends OutputStream {
    private final OutputStream target;
    private long room;

    FullDisk(OutputStream target, long room) {
      this.target = target;
      this.room = room;
    }

    @Override
    public void write(int b) throws IOException {
      if (room-- <= 0) {
        throw new IOException("No space left on device");
      }
      target.write(b);
    }
  }
}
