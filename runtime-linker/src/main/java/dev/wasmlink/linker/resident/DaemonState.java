package dev.wasmlink.linker.resident;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the daemon's threads share about its links: the clients waiting for one (queued or running), how many run,
 * how many were served, when the last ended, whether memory is to be given back, and whether the daemon is stopping.
 */
final class DaemonState {
  private final long startedNanos = System.nanoTime();
  private final Set<ClientChannel> waiting = ConcurrentHashMap.newKeySet();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicLong served = new AtomicLong();
  private final AtomicBoolean memoryToReturn = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile long lastLinkEndedNanos = System.nanoTime();

  /** A client's link is queued. */
  void queued(ClientChannel client) {
    waiting.add(client);
  }

  /** A queued link starts. */
  void started() {
    running.incrementAndGet();
  }

  /** A client's link has ended (run or not): the client has its answer. */
  void ended(ClientChannel client, boolean ran) {
    if (ran) {
      running.decrementAndGet();
      served.incrementAndGet();
    }
    waiting.remove(client);
    lastLinkEndedNanos = System.nanoTime();
    memoryToReturn.set(true);
  }

  /** The clients waiting for a link, to be told that the daemon is alive. */
  Set<ClientChannel> waiting() {
    return waiting;
  }

  boolean busy() {
    return !waiting.isEmpty() || running.get() > 0;
  }

  /** How long no link has run, or zero while one does. */
  Duration idle() {
    return busy() ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - lastLinkEndedNanos);
  }

  /** Whether links have ended since memory was last given back; asking resets it. */
  boolean takeMemoryToReturn() {
    return memoryToReturn.getAndSet(false);
  }

  /** Marks the daemon as stopping; true for the first caller only. */
  boolean stop() {
    return stopping.compareAndSet(false, true);
  }

  boolean stopping() {
    return stopping.get();
  }

  long served() {
    return served.get();
  }

  int running() {
    return running.get();
  }

  Duration uptime() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
