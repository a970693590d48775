package com.diamondpricing.server.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioEndpoint;

/**
 * Tomcat's NIO connector with a cap on the connections one client address may hold open: a
 * connection past {@code diamonds.http.max-connections-per-client} is closed as it is accepted,
 * before Tomcat reads a byte of it. Tomcat has no such setting and a filter sees requests, not
 * connections (a client that never finishes its headers never reaches one). Public, with a no-arg
 * constructor, because Tomcat makes its protocol from the class name.
 */
public class ClientCappedNioProtocol extends Http11NioProtocol {

  public ClientCappedNioProtocol() {
    super(new CappedEndpoint());
  }

  /** Open connections per client address, at most; 0: no cap. */
  void setMaxConnectionsPerClient(int max) {
    ((CappedEndpoint) getEndpoint()).max = max;
  }

  /** Connections closed at once for being over the cap, since the start. */
  long refusedConnections() {
    return ((CappedEndpoint) getEndpoint()).refused.get();
  }

  private static final class CappedEndpoint extends NioEndpoint {
    volatile int max;
    final AtomicLong refused = new AtomicLong();

    /**
     * Counts the client's open connections (the endpoint's own map of them, so a closed one is
     * never miscounted) before the new one is set up; one past the cap is closed here.
     */
    @Override
    protected boolean setSocketOptions(SocketChannel socket) {
      int cap = max;
      if (cap > 0) {
        InetAddress client = address(socket);
        if (client != null && open(client) >= cap) {
          refused.incrementAndGet();
          destroySocket(socket); // closed, and no longer counted against the connector's limit
          return true; // nothing more for the acceptor to do (false would leave it open)
        }
      }
      return super.setSocketOptions(socket);
    }

    private int open(InetAddress client) {
      int n = 0;
      for (SocketChannel other : connections.keySet()) {
        if (client.equals(address(other))) {
          n++;
        }
      }
      return n;
    }

    private static InetAddress address(SocketChannel channel) {
      try {
        SocketAddress remote = channel.getRemoteAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
      } catch (IOException e) {
        return null;
      }
    }
  }
}
