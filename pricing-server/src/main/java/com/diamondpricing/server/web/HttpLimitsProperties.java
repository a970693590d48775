package com.diamondpricing.server.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one client may hold of the web server ({@code diamonds.http.*}), so that slow clients cannot
 * starve the others (see the README's "Limits").
 *
 * @param maxConnectionsPerClient open connections one client address may have at once; more are
 *     closed as they are accepted (0: no cap)
 * @param bodyTimeout the longest a request body may take to arrive, in all; past it, 408
 *     body-timeout and the connection is closed
 * @param slowBodyReaders requests that may wait for a body still on its way at once (each holds a
 *     worker thread); more are answered 503 server-busy at once. A body that arrived with its
 *     headers needs none.
 */
@ConfigurationProperties("diamonds.http")
public record HttpLimitsProperties(
    @DefaultValue("64") int maxConnectionsPerClient,
    @DefaultValue("30s") Duration bodyTimeout,
    @DefaultValue("64") int slowBodyReaders) {

  public HttpLimitsProperties {
    if (maxConnectionsPerClient < 0) {
      throw new IllegalArgumentException("diamonds.http.max-connections-per-client is negative");
    }
    if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
      throw new IllegalArgumentException("diamonds.http.body-timeout must be positive");
    }
    if (slowBodyReaders < 1) {
      throw new IllegalArgumentException("diamonds.http.slow-body-readers must be at least 1");
    }
  }
}
