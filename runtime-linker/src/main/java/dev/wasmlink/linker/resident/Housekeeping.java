package dev.wasmlink.linker.resident;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The daemon's clock, run once a second: tells every client waiting for a link that the daemon is alive (a client
 * hearing nothing for its timeout links one-shot instead), leaves when its jar has changed or it has been idle for the
 * idle time, and gives back the memory the links used once they are done.
 */
final class Housekeeping implements Runnable {
  private static final byte[] NOTHING = new byte[0];

  private final DaemonState state;
  private final JarIdentity identity;
  private final Duration idleExit;
  private final Consumer<String> stop;

  /** @param stop closes the daemon to new clients, saying why */
  Housekeeping(DaemonState state, JarIdentity identity, Duration idleExit, Consumer<String> stop) {
    this.state = state;
    this.identity = identity;
    this.idleExit = idleExit;
    this.stop = stop;
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
    } else if (idle.toMillis() >= 1000 && state.takeMemoryToReturn()) {
      returnMemory();
    }
  }

  private void stopFor(String reason) {
    if (state.stop()) {
      stop.accept(reason);
    }
  }

  /**
   * Gives back what a large link made the heap grow to, instead of keeping it resident until the next link: full
   * collections shrink the heap to what is live (the launcher sets the free ratios), but the serial collector shrinks
   * by a growing share at each one (none at the first: 0, 10, 40, 100%), so it takes four.
   */
  private static void returnMemory() {
    for (int collection = 0; collection < 4; collection++) {
      System.gc();
    }
  }
}
