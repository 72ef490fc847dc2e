package dev.wasmlink.linker.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.linker.input.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
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
        () -> file(output).write(stream -> new FullDisk(stream, 1000).write(new byte[4096])));
    assertEquals("cannot write output file " + output + ": No space left on device", failure.getMessage());
    assertEquals("the previous link's output", Files.readString(output));
    assertEquals(List.of(output), filesIn(dir));
  }

  @Test
  void aCompleteWriteReplacesTheOutputAndMakesItExecutable() throws IOException {
    Path output = dir.resolve("out.wasm");
    Files.writeString(output, "old");
    byte[] module = "\0asm\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    file(output).write(module);
    assertArrayEquals(module, Files.readAllBytes(output));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
    assertEquals(List.of(output), filesIn(dir));
  }

  @Test
  void anOutputThatIsADirectoryIsRefusedBeforeAndAtWriting() throws IOException {
    Path output = Files.createDirectory(dir.resolve("out.wasm"));
    assertEquals("Is a directory", file(output).cannotCreate());
    InputException failure = assertThrows(InputException.class,
        () -> file(output).write(new byte[8]));
    assertEquals("cannot open output file " + output + ": Is a directory", failure.getMessage());
    assertEquals(List.of(), filesIn(output));
  }

  @Test
  void aMissingDirectoryIsNamedAsTheCLibraryNamesIt() {
    assertEquals("No such file or directory", file(dir.resolve("missing/out.wasm")).cannotCreate());
    assertNull(file(dir.resolve("out.wasm")).cannotCreate());
    assertEquals(List.of(), filesIn(dir));
  }

  /**
   * A relative output is relative to the link's working directory, which for the resident daemon is its client's, not
   * the JVM's; messages keep the name as written.
   */
  @Test
  void aRelativeOutputIsWrittenInTheWorkingDirectoryAndNamedAsWritten() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    OutputFile output = new OutputFile(Path.of("out.wasm"), sub, quiet());
    output.write(new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(sub.resolve("out.wasm")));
    Files.createDirectory(sub.resolve("taken"));
    OutputFile taken = new OutputFile(Path.of("taken"), sub, quiet());
    assertEquals("cannot open output file taken: Is a directory",
        assertThrows(InputException.class, () -> taken.write(new byte[1])).getMessage());
  }

  /** {@code -o -}: the module's bytes follow the text printed before them on the caller's standard output. */
  @Test
  void standardOutputGetsTheBytesAfterTheTextBeforeThem() {
    ByteArrayOutputStream caller = new ByteArrayOutputStream();
    StandardOutput standardOutput = StandardOutput.of(caller, () -> false);
    standardOutput.text().print("map\n");
    new OutputFile(Path.of("-"), dir, standardOutput).write(new byte[] {0, 'a', 's', 'm'});
    assertArrayEquals(new byte[] {'m', 'a', 'p', '\n', 0, 'a', 's', 'm'}, caller.toByteArray());
    assertEquals(List.of(), filesIn(dir));
  }

  /**
   * A link the resident daemon runs for a client that was interrupted (a build stopped with Ctrl-C) leaves no output,
   * as the one-shot link killed by the same signal would: a build tool must not find a fresh output it did not wait
   * for.
   */
  @Test
  void aCallerThatHasGoneAwayGetsNoOutputAndNoTemporaryFile() throws IOException {
    Path output = dir.resolve("out.wasm");
    Files.writeString(output, "old");
    OutputFile file = new OutputFile(output, dir, StandardOutput.of(OutputStream.nullOutputStream(), () -> true));
    assertThrows(InputException.class, () -> file.write(new byte[8]));
    assertEquals("old", Files.readString(output));
    assertEquals(List.of(output), filesIn(dir));
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

  private OutputFile file(Path output) {
    return new OutputFile(output, dir, quiet());
  }

  private static StandardOutput quiet() {
    return StandardOutput.of(new PrintWriter(Writer.nullWriter()));
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
    assertNull(file(fifo).cannotCreate());
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readAllBytes(fifo);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    byte[] module = "\0asm\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    file(fifo).write(module);
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
