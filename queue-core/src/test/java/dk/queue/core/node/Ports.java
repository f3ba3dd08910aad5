package dk.queue.core.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for the nodes of a test, below Linux's ephemeral range (32768 and up). A port from
 * that range ({@code new ServerSocket(0)}) can be taken while nothing listens on it: a member that
 * keeps connecting to a peer not yet started (or stopped) may be given that very port as its own
 * end and connect to itself, and the peer then cannot bind it (seen in CI as "Initialized new
 * cluster connection between /127.0.0.1:42619 and /127.0.0.1:42619").
 */
public final class Ports {
  private Ports() {
  }

  /** A port that nothing on 127.0.0.1 listens on now, between 10000 and 32000. */
  public static int free() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int tries = 0; tries < 1000; tries++) {
      int port = ThreadLocalRandom.current().nextInt(10_000, 32_000);
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(loopback, port));
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port between 10000 and 32000");
  }
}
