package dev.wasmlink.linker.resident;

import dev.wasmlink.linker.cli.Main;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code wasmlink daemon start} runs this: it binds the socket of its jar's identity in the daemon directory and
 * serves clients, each on its own thread, until it is stopped, its jar changes (a new build: it must not serve it) or
 * it has been idle for the idle time. Once a second it tells every client whose link is still running that it is
 * alive, and after a link, once nothing runs, gives the memory the link used back to the system.
 *
 * <p>Usage: {@code Daemon --directory DIR --idle-exit SECONDS}. Exit status 0 when it stopped as asked or was not
 * needed (one already serves this jar), 1 when it could not start.
 */
public final class Daemon {
  private final JarIdentity identity;
  private final Path socket;
  private final ServerSocketChannel server;
  private final DaemonState state = new DaemonState();
  private final Sessions sessions;
  private final Housekeeping housekeeping;
  private final PrintStream log;
  private final AtomicBoolean socketRemoved = new AtomicBoolean();
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "wasmlink-session");
    thread.setDaemon(true);
    return thread;
  });
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "wasmlink-clock");
    thread.setDaemon(true);
    return thread;
  });

  private Daemon(JarIdentity identity, Path socket, ServerSocketChannel server, Duration idleExit, PrintStream log) {
    this.identity = identity;
    this.socket = socket;
    this.server = server;
    this.log = log;
    DaemonHeap heap = new DaemonHeap(state);
    this.sessions = new Sessions(state, identity, socket, idleExit, heap, this::stop);
    this.housekeeping = new Housekeeping(state, identity, idleExit, heap, this::stop);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.err));
  }

  static int run(String[] args, PrintStream log) {
    Path directory = null;
    long idleSeconds = 3 * 3600;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--directory" -> directory = Path.of(args[i + 1]);
        case "--idle-exit" -> idleSeconds = parseSeconds(args[i + 1]);
        default -> {
          log.println("wasmlink daemon: unknown argument " + args[i]);
          return 1;
        }
      }
    }
    if (idleSeconds < 0) {
      log.println("wasmlink daemon: --idle-exit wants a number of seconds");
      return 1;
    }
    if (directory == null) {
      log.println("wasmlink daemon: usage: Daemon --directory DIR [--idle-exit SECONDS]");
      return 1;
    }
    try {
      JarIdentity identity = JarIdentity.ofThisJar();
      Path socket = DaemonDirectory.open(directory).socket(identity);
      if (SocketProbe.answers(socket)) {
        log.println("wasmlink daemon: one already serves " + identity.jar() + " at " + socket);
        return 0;
      }
      // A socket file nobody answers on is left by a daemon that was killed: binding needs its name.
      Files.deleteIfExists(socket);
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
      new Daemon(identity, socket, server, Duration.ofSeconds(idleSeconds), log).serve();
      return 0;
    } catch (IOException e) {
      log.println("wasmlink daemon: cannot start: " + e.getMessage());
      return 1;
    }
  }

  private static long parseSeconds(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void serve() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::removeSocket, "wasmlink-daemon-socket"));
    log.println("wasmlink daemon " + Main.VERSION + ": pid " + ProcessHandle.current().pid() + " serves "
        + identity.jar() + " at " + socket);
    clock.scheduleAtFixedRate(this::keepHouse, 1, 1, TimeUnit.SECONDS);
    while (true) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (ClosedChannelException e) {
        break;
      } catch (IOException e) {
        log.println("wasmlink daemon: accept failed: " + e.getMessage());
        break;
      }
      threads.execute(() -> sessions.serve(client, threads));
    }
    // Stopped: the links already running finish and answer their clients first.
    threads.shutdown();
    try {
      threads.awaitTermination(1, TimeUnit.HOURS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.println("wasmlink daemon: stopped after " + state.served() + " links");
  }

  /** Housekeeping, which must not fail: a task that throws is never scheduled again. */
  private void keepHouse() {
    try {
      housekeeping.run();
    } catch (RuntimeException e) {
      log.println("wasmlink daemon: housekeeping failed: " + e);
    }
  }

  /** No new client can reach the daemon once this returns; the links running go on. */
  private void stop(String reason) {
    log.println("wasmlink daemon: stopping: " + reason);
    removeSocket();
    try {
      server.close();
    } catch (IOException e) {
      // Closing is all that was wanted.
    }
  }

  /** Once: the shutdown hook must not remove the socket of a daemon started after this one stopped. */
  private void removeSocket() {
    if (!socketRemoved.compareAndSet(false, true)) {
      return;
    }
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // The directory is gone or closed to us: no client can use the name either.
    }
  }
}
