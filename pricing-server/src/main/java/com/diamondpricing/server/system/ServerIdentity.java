package com.diamondpricing.server.system;

import java.net.InetAddress;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This process among the servers that share a database: {@code <host>-<pid>-<random>}, the owner
 * written on the training runs it takes. A restarted process is a new server (its old runs are
 * another's, interrupted once their lease expires).
 */
@Component
public class ServerIdentity {

  private final String id;

  ServerIdentity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "host";
    }
    this.id =
        (host.length() > 100 ? host.substring(0, 100) : host)
            + "-"
            + ProcessHandle.current().pid()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
  }

  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
