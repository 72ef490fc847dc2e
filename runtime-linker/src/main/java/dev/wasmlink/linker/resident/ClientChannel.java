package dev.wasmlink.linker.resident;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The daemon's side of one client's connection: frames ({@link Wire}) written whole by one thread at a time, since the
 * link's standard output, its standard error and the heartbeat share the socket. The client is gone (interrupted,
 * killed, or it gave up on us) once a write fails or its end of the socket closes, and nothing more is sent.
 */
final class ClientChannel {
  private final SocketChannel socket;
  private volatile boolean gone;

  ClientChannel(SocketChannel socket) {
    this.socket = socket;
  }

  /**
   * Watches, on a thread of {@code threads}, for the client closing its end: after its request a client sends nothing
   * more, so the end of its stream means it has gone (a build interrupted with Ctrl-C). A link must know before it
   * puts its output in place, which may be long before a heartbeat would find out.
   */
  void watchForHangUp(Executor threads) {
    try {
      threads.execute(this::awaitHangUp);
    } catch (RejectedExecutionException e) {
      // The daemon is stopping: the link still runs, only the early warning is lost.
    }
  }

  private void awaitHangUp() {
    ByteBuffer ignored = ByteBuffer.allocate(64);
    try {
      while (socket.read(ignored) >= 0) {
        ignored.clear();
      }
    } catch (IOException e) {
      // Closed by the daemon once it has answered, or broken: either way nobody listens any more.
    }
    gone = true;
  }

  /** Sends one frame; a client that has gone away is remembered, not an error. */
  synchronized void send(byte kind, byte[] payload, int offset, int length) {
    if (gone) {
      return;
    }
    ByteBuffer frame = ByteBuffer.allocate(5 + length);
    frame.put(kind).putInt(length).put(payload, offset, length).flip();
    try {
      while (frame.hasRemaining()) {
        socket.write(frame);
      }
    } catch (IOException e) {
      gone = true;
    }
  }

  void send(byte kind, byte[] payload) {
    send(kind, payload, 0, payload.length);
  }

  void sendExit(int status) {
    send(Wire.EXIT, ByteBuffer.allocate(4).putInt(status).array());
  }

  /** Whether the client has stopped listening: the link's output must then not appear. */
  boolean gone() {
    return gone;
  }

  /** A stream whose bytes reach the client as frames of {@code kind}, when flushed. */
  OutputStream stream(byte kind) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        // The largest frame: a module written to standard output goes in pieces.
        int chunk = 1 << 20;
        for (int at = offset; at < offset + length; at += chunk) {
          send(kind, bytes, at, Math.min(chunk, offset + length - at));
        }
      }
    };
  }
}
