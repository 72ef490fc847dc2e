package dev.wasmlink.linker.resident;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The daemon's clock, run once a second: tells every client waiting for a link that the daemon is alive (a client
 * hearing nothing for its timeout links one-shot instead), leaves when its jar has changed or it has been idle for the
 * idle time, and gives back the memory the links used once none has run for a while.
 */
final class Housekeeping implements Runnable {
  private static final byte[] NOTHING = new byte[0];
  /**
   * How long the heap a link grew keeps its size: long enough that the next link of a build (whose steps come
   * seconds apart) does not start from a small heap and pay for growing it again, collecting on the way (an
   * emscripten-mt link took four times as long after a shrink), short enough that memory comes back soon after.
   */
  private static final Duration MEMORY_KEPT_WHILE_IDLE = Duration.ofSeconds(10);

  private final DaemonState state;
  private final JarIdentity identity;
  private final Duration idleExit;
  private final Consumer<String> stop;
  private final DaemonHeap heap;

  /** @param stop closes the daemon to new clients, saying why */
  Housekeeping(DaemonState state, JarIdentity identity, Duration idleExit, DaemonHeap heap, Consumer<String> stop) {
    this.state = state;
    this.identity = identity;
    this.idleExit = idleExit;
    this.stop = stop;
    this.heap = heap;
  }

  @Override
  public void run() {
    for (ClientChannel client : state.waiting()) {
      client.send(Wire.HEARTBEAT, NOTHING);
    }
    if (state.stopping()) {
      return;
    }
    if (!identity.isCurrent()) {
      stopFor("its jar " + identity.jar() + " has changed (a new build)");
      return;
    }
    Duration idle = state.idle();
    if (idle.compareTo(idleExit) >= 0) {
      stopFor("idle for " + Durations.format(idleExit));
    } else if (idle.compareTo(MEMORY_KEPT_WHILE_IDLE) >= 0 && state.takeMemoryToReturn()) {
      heap.returnToSystem();
    }
  }

  private void stopFor(String reason) {
    if (state.stop()) {
      stop.accept(reason);
    }
  }
}
