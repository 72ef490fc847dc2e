package dev.wasmlink.linker.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The daemon collects a link's garbage when its last link has ended, never under a link that still runs. */
class DaemonHeapTest {
  private final DaemonState state = new DaemonState();
  private final AtomicInteger collections = new AtomicInteger();
  private final DaemonHeap heap = new DaemonHeap(state, collections::incrementAndGet);

  @Test
  void collectsWhenTheLastLinkHasEnded() throws IOException {
    try (SocketChannel first = SocketChannel.open(); SocketChannel second = SocketChannel.open()) {
      ClientChannel one = run(first);
      ClientChannel two = run(second);

      state.ended(one, true);
      heap.linkEnded();
      assertEquals(0, collections.get(), "the second link still runs");

      state.ended(two, true);
      heap.linkEnded();
      assertEquals(1, collections.get());
    }
  }

  @Test
  void aQueuedLinkIsLeftItsHeap() throws IOException {
    try (SocketChannel first = SocketChannel.open(); SocketChannel second = SocketChannel.open()) {
      ClientChannel one = run(first);
      state.queued(new ClientChannel(second));

      state.ended(one, true);
      heap.linkEnded();
      assertEquals(0, collections.get(), "a queued link is about to start");
    }
  }

  private ClientChannel run(SocketChannel socket) {
    ClientChannel client = new ClientChannel(socket);
    state.queued(client);
    state.started();
    return client;
  }
}
