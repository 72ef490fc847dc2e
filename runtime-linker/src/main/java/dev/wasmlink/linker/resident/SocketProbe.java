package dev.wasmlink.linker.resident;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a daemon answers on a socket: asked before binding one, where a killed daemon may have left its file. */
final class SocketProbe {
  private SocketProbe() {}

  /** Whether a daemon listens on {@code socket}; a file left by a daemon that was killed does not answer. */
  static boolean answers(Path socket) {
    if (!Files.exists(socket)) {
      return false;
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      return channel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      return false;
    }
  }
}
