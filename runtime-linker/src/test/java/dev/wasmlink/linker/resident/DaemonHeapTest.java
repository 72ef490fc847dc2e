package dev.wasmlink.linker.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The daemon collects a link's garbage when its last link has ended, never under a link that still runs, and only when
 * the next link might not fit in what is left of the young generation.
 */
class DaemonHeapTest {
  private static final long MIB = 1 << 20;

  private final DaemonState state = new DaemonState();
  private final AtomicInteger collections = new AtomicInteger();
  /** The heap's contents as the test sets them: a collection empties it. */
  private final AtomicLong inUse = new AtomicLong();
  private final DaemonHeap heap = new DaemonHeap(state, () -> {
    collections.incrementAndGet();
    inUse.set(0);
  }, inUse::get, 0);
  private final DaemonHeap roomy = new DaemonHeap(state, () -> {
    collections.incrementAndGet();
    inUse.set(0);
  }, inUse::get, 192 * MIB);

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

  @Test
  void smallLinksShareACollectionAndLargeOnesGetOneEach() throws IOException {
    // Three links of 40 MiB: after the third, 120 MiB and another 40 would still fit in 192; after the fourth not.
    for (int link = 1; link <= 4; link++) {
      linkAlone(roomy, 40 * MIB);
    }
    assertEquals(1, collections.get(), "four links of 40 MiB in 192 MiB of room");
    assertEquals(0, inUse.get());

    // Once a link of 150 MiB has been seen, the room kept is 150 MiB: after it (150 held), collect; after 10 MiB more
    // (10 held, 160 with the next), not; after 50 (60 held, 210), collect.
    linkAlone(roomy, 150 * MIB);
    assertEquals(2, collections.get());
    linkAlone(roomy, 10 * MIB);
    assertEquals(2, collections.get());
    linkAlone(roomy, 50 * MIB);
    assertEquals(3, collections.get());
  }

  @Test
  void withoutAFixedYoungGenerationEveryLinkCollects() throws IOException {
    linkAlone(heap, MIB);
    linkAlone(heap, MIB);
    assertEquals(2, collections.get());
  }

  /** One link, alone in the daemon, that allocates {@code bytes}. */
  private void linkAlone(DaemonHeap daemonHeap, long bytes) throws IOException {
    try (SocketChannel socket = SocketChannel.open()) {
      ClientChannel client = new ClientChannel(socket);
      state.queued(client);
      daemonHeap.linkStarted(state.aloneAtStart());
      state.started();
      inUse.addAndGet(bytes);
      state.ended(client, true);
      daemonHeap.linkEnded();
    }
  }

  private ClientChannel run(SocketChannel socket) {
    ClientChannel client = new ClientChannel(socket);
    state.queued(client);
    heap.linkStarted(state.aloneAtStart());
    state.started();
    return client;
  }
}
