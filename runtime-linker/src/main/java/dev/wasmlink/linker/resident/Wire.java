package dev.wasmlink.linker.resident;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol between the client and the daemon, which {@code resident-client.c} speaks from the other side. Numbers
 * are unsigned 32-bit big-endian; a string is its length then its UTF-8 bytes.
 *
 * <p>Request: the magic {@code WLK1}, the kind ({@link #LINK}, {@link #STATUS}, {@link #STOP}), the identity of the
 * jar the client was started for, the client's working directory, then a count and the arguments, a count and the
 * environment ({@code NAME=value}).
 *
 * <p>Replies are frames: a kind byte, a length, the payload. The daemon sends standard output and error as they come,
 * a heartbeat every second while a link runs (so that a client can tell a long link from a daemon that hangs), and
 * ends with the exit status, or refuses the request (the client then links one-shot).
 */
final class Wire {
  private Wire() {}

  static final int MAGIC = 0x574c4b31;

  static final int LINK = 1;
  static final int STATUS = 2;
  static final int STOP = 3;

  /** Bytes of the client's standard output. */
  static final byte STDOUT = 'O';
  /** Bytes of the client's standard error. */
  static final byte STDERR = 'E';
  /** Still working; no payload. */
  static final byte HEARTBEAT = 'H';
  /** The last frame: the exit status, four bytes. */
  static final byte EXIT = 'X';
  /** Not served (the daemon is for another jar, or stopping): the client links one-shot. The payload says why. */
  static final byte REFUSED = 'R';

  /** Longest string or list a request may carry: a command line, even expanded, is far shorter. */
  private static final int LIMIT = 64 << 20;

  /** What a client asks. */
  record Request(int kind, String jarIdentity, String workingDirectory, List<String> arguments,
      List<String> environment) {}

  static Request readRequest(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a wasmlink client");
    }
    int kind = in.readInt();
    String identity = readString(in);
    String directory = readString(in);
    List<String> arguments = readStrings(in);
    List<String> environment = readStrings(in);
    return new Request(kind, identity, directory, arguments, environment);
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int count = length(in);
    List<String> strings = new ArrayList<>(Math.min(count, 4096));
    for (int i = 0; i < count; i++) {
      strings.add(readString(in));
    }
    return strings;
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] bytes = new byte[length(in)];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static int length(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > LIMIT) {
      throw new IOException("request too large");
    }
    return length;
  }
}
