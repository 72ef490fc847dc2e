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
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * What the daemon does for its clients: runs their links as they would run one-shot, and answers {@code status} and
 * {@code stop}.
 */
final class Sessions {
  /** Links run at once; more wait (with heartbeats) rather than crowd the heap and the cores. */
  private static final int CONCURRENT_LINKS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final DaemonState state;
  private final JarIdentity identity;
  private final Path socket;
  private final Duration idleExit;
  private final Consumer<String> stop;
  private final DaemonHeap heap;
  private final Semaphore linkSlots = new Semaphore(CONCURRENT_LINKS, true);

  /** @param stop closes the daemon to new clients, saying why */
  Sessions(DaemonState state, JarIdentity identity, Path socket, Duration idleExit, DaemonHeap heap,
      Consumer<String> stop) {
    this.state = state;
    this.identity = identity;
    this.socket = socket;
    this.idleExit = idleExit;
    this.stop = stop;
    this.heap = heap;
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
      if (state.stopping()) {
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
          if (state.stop()) {
            stop.accept("asked to stop");
          }
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
    state.queued(client);
    boolean ran = false;
    try {
      linkSlots.acquire();
      state.started();
      ran = true;
      try {
        OutputStream stdout = new BufferedOutputStream(client.stream(Wire.STDOUT), 1 << 16);
        PrintWriter stderr = new PrintWriter(client.stream(Wire.STDERR), true, StandardCharsets.UTF_8);
        Invocation invocation = new Invocation(request.arguments(), Path.of(request.workingDirectory()),
            environment(request.environment()), StandardOutput.of(stdout, client::gone), stderr);
        int status = WasmLdMain.run(invocation);
        stdout.flush();
        stderr.flush();
        client.sendExit(status);
      } finally {
        linkSlots.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // Only flushing to a client that has gone can fail here: there is no one to tell.
    } finally {
      state.ended(client, ran);
    }
    if (ran) {
      heap.linkEnded();
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

  private String status() {
    Runtime runtime = Runtime.getRuntime();
    long mib = 1 << 20;
    return "wasmlink daemon running\n"
        + "  pid        " + ProcessHandle.current().pid() + "\n"
        + "  version    " + Main.VERSION + "\n"
        + "  jar        " + identity.jar() + "\n"
        + "  socket     " + socket + "\n"
        + "  uptime     " + Durations.format(state.uptime()) + "\n"
        + "  links      " + state.served() + " served, " + state.running() + " running\n"
        + "  idle exit  after " + Durations.format(idleExit) + " without a link\n"
        + "  heap       " + (runtime.totalMemory() - runtime.freeMemory()) / mib + " MiB used, "
        + runtime.totalMemory() / mib + " MiB committed\n";
  }
}
