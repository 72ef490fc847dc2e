package dev.wasmlink.linker.write;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The standard output of whoever asked for the link: reports ({@code --trace}, {@code --print-map}...) print text to
 * it and {@code -o -} writes the module's bytes, in the order they come. A one-shot link's is the process's; a link
 * the resident daemon runs has its client's, which can go away before the link ends.
 */
public final class StandardOutput {
  private final PrintWriter text;
  private final OutputStream bytes;
  private final BooleanSupplier callerGone;

  /**
   * @param text where reports print
   * @param bytes where {@code -o -} writes; {@code text} is flushed first, so that the two keep their order
   * @param callerGone whether nobody waits for the link any more (the daemon's client was interrupted): its output
   *     must then not appear, as a one-shot link killed by the same signal would leave none
   */
  public StandardOutput(PrintWriter text, OutputStream bytes, BooleanSupplier callerGone) {
    this.text = text;
    this.bytes = bytes;
    this.callerGone = callerGone;
  }

  /** Both text and bytes to {@code stream}. */
  public static StandardOutput of(OutputStream stream, BooleanSupplier callerGone) {
    return new StandardOutput(new PrintWriter(stream, false, StandardCharsets.UTF_8), stream, callerGone);
  }

  /** Reports print to {@code text}; a module written to {@code -o -} goes to this process's standard output. */
  public static StandardOutput of(PrintWriter text) {
    return new StandardOutput(text, new FileOutputStream(FileDescriptor.out), () -> false);
  }

  public PrintWriter text() {
    return text;
  }

  /** Writes bytes after whatever text came before them. */
  void write(OutputFile.Sink sink) throws IOException {
    text.flush();
    sink.write(bytes);
    bytes.flush();
  }

  boolean callerGone() {
    return callerGone.getAsBoolean();
  }
}
