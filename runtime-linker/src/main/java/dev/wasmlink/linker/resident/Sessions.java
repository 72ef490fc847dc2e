package dev.wasmlink.linker.resident;

import dev.wasmlink.linker.cli.Invocation;
import dev.wasmlink.linker.cli.Main;
import dev.wasmlink.linker.cli.WasmLdMain;
import dev.wasmlink.linker.write.StandardOutput;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * What the daemon does for its clients: runs their links as they would run one-shot, answers {@code status} and
 * {@code stop}, and keeps the time: heartbeats to waiting clients, the idle exit, the check that its jar is still the
 * one on disk, and giving memory back once the links are done.
 */
final class Sessions {
  /** Links run at once; more wait (with heartbeats) rather than crowd the heap and the cores. */
  private static final int CONCURRENT_LINKS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final JarIdentity identity;
  private final Path socket;
  private final Duration idleExit;
  private final Consumer<String> stop;
  private final long startedNanos = System.nanoTime();
  private final Semaphore linkSlots = new Semaphore(CONCURRENT_LINKS, true);
  private final Set<ClientChannel> waiting = ConcurrentHashMap.newKeySet();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicLong served = new AtomicLong();
  private volatile long lastLinkEndedNanos = System.nanoTime();
  private volatile boolean memoryToReturn;
  private volatile boolean stopping;

  /** @param stop closes the daemon to new clients, saying why */
  Sessions(JarIdentity identity, Path socket, Duration idleExit, Consumer<String> stop) {
    this.identity = identity;
    this.socket = socket;
    this.idleExit = idleExit;
    this.stop = stop;
  }

  long served() {
    return served.get();
  }

  /** Serves one connection: reads its request and answers it; {@code threads} run the watch for a hang-up. */
  void serve(SocketChannel socket, Executor threads) {
    try (socket) {
      if (!sameUser(socket)) {
        return;
      }
      Wire.Request request = Wire.readRequest(
          new DataInputStream(new BufferedInputStream(Channels.newInputStream(socket), 1 << 16)));
      ClientChannel client = new ClientChannel(socket);
      if (!request.jarIdentity().equals(identity.value()) || !identity.isCurrent()) {
        refuse(client, "this daemon runs another build of wasmlink");
        return;
      }
      if (stopping) {
        refuse(client, "the daemon is stopping");
        return;
      }
      switch (request.kind()) {
        case Wire.LINK -> {
          client.watchForHangUp(threads);
          link(request, client);
        }
        case Wire.STATUS -> {
          client.send(Wire.STDOUT, status().getBytes(StandardCharsets.UTF_8));
          client.sendExit(0);
        }
        case Wire.STOP -> {
          stopNow("asked to stop");
          client.sendExit(0);
        }
        default -> refuse(client, "unknown request " + request.kind());
      }
    } catch (IOException e) {
      // The client went away before it had said what it wanted: nothing to answer.
    }
  }

  /**
   * The socket's directory is the user's alone; the peer's credentials say the same once more, so that a directory
   * made reachable by mistake still lets no other user's process have links run as this user.
   */
  private static boolean sameUser(SocketChannel socket) throws IOException {
    UnixDomainPrincipal peer = socket.getOption(ExtendedSocketOptions.SO_PEERCRED);
    return peer.user().equals(DaemonDirectory.currentUser());
  }

  private static void refuse(ClientChannel client, String reason) {
    client.send(Wire.REFUSED, reason.getBytes(StandardCharsets.UTF_8));
  }

  private void link(Wire.Request request, ClientChannel client) {
    waiting.add(client);
    try {
      linkSlots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      waiting.remove(client);
      return;
    }
    running.incrementAndGet();
    try {
      OutputStream stdout = new BufferedOutputStream(client.stream(Wire.STDOUT), 1 << 16);
      PrintWriter stderr = new PrintWriter(client.stream(Wire.STDERR), true, StandardCharsets.UTF_8);
      Invocation invocation = new Invocation(request.arguments(), Path.of(request.workingDirectory()),
          environment(request.environment()), StandardOutput.of(stdout, client::gone), stderr);
      int status = WasmLdMain.run(invocation);
      stdout.flush();
      stderr.flush();
      client.sendExit(status);
    } catch (IOException e) {
      // Only flushing to a client that has gone can fail here: there is no one to tell.
    } finally {
      waiting.remove(client);
      running.decrementAndGet();
      linkSlots.release();
      served.incrementAndGet();
      lastLinkEndedNanos = System.nanoTime();
      memoryToReturn = true;
    }
  }

  private static Map<String, String> environment(List<String> entries) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        environment.put(entry.substring(0, equals), entry.substring(equals + 1));
      }
    }
    return environment;
  }

  /** Once a second: heartbeats, then whether to give memory back or to leave. */
  void tick() {
    for (ClientChannel client : waiting) {
      client.send(Wire.HEARTBEAT, new byte[0]);
    }
    if (stopping) {
      return;
    }
    if (!identity.isCurrent()) {
      stopNow("its jar " + identity.jar() + " has changed (a new build)");
      return;
    }
    if (running.get() > 0 || !waiting.isEmpty()) {
      return;
    }
    Duration idle = Duration.ofNanos(System.nanoTime() - lastLinkEndedNanos);
    if (idle.compareTo(idleExit) >= 0) {
      stopNow("idle for " + Durations.format(idleExit));
    } else if (memoryToReturn && idle.toMillis() >= 1000) {
      memoryToReturn = false;
      returnMemory();
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

  private void stopNow(String reason) {
    stopping = true;
    stop.accept(reason);
  }

  private String status() {
    Runtime runtime = Runtime.getRuntime();
    long mib = 1 << 20;
    return "wasmlink daemon running\n"
        + "  pid        " + ProcessHandle.current().pid() + "\n"
        + "  version    " + Main.VERSION + "\n"
        + "  jar        " + identity.jar() + "\n"
        + "  socket     " + socket + "\n"
        + "  uptime     " + Durations.format(Duration.ofNanos(System.nanoTime() - startedNanos)) + "\n"
        + "  links      " + served.get() + " served, " + running.get() + " running\n"
        + "  idle exit  after " + Durations.format(idleExit) + " without a link\n"
        + "  heap       " + (runtime.totalMemory() - runtime.freeMemory()) / mib + " MiB used, "
        + runtime.totalMemory() / mib + " MiB committed\n";
  }
}
