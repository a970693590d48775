package com.diamondpricing.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a request left unread of its body (a refused request, or one cut off by a limit of {@link
 * RequestBodyFilter}) is read and discarded here, after its answer is sent, under the same limits
 * as a body: a slow-body slot ({@link SlowBodies}), the body's deadline, and at most {@value
 * #MAX_DISCARDED} bytes. Past any of them, the connection is closed at once. Left to itself, Tomcat
 * would read the rest with no such limit (up to 2 MB, each read waiting up to the connection
 * timeout): a worker thread held by any client that promises a body and sends it slowly. Tomcat
 * closes without reading when a request ends in an error after its answer is sent, so that is how
 * this filter closes it: a {@link ClientAbortException}, the one exception Tomcat takes for that
 * without logging it. It runs right after {@link RequestIdFilter}, around the request log's filter
 * (which sends the answer).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class UnreadBodyFilter extends OncePerRequestFilter {

  static final int MAX_DISCARDED = 2 << 20;

  private final SlowBodies slowBodies;

  UnreadBodyFilter(SlowBodies slowBodies) {
    this.slowBodies = slowBodies;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long deadline = slowBodies.deadline();
    chain.doFilter(request, response);
    if (!promisesBody(request) || request.isAsyncStarted() || request.getHeader("Expect") != null) {
      return; // an expected body not wanted is never sent: Tomcat reads none of it either
    }
    ServletInputStream in = request.getInputStream();
    if (in.isFinished()) {
      return;
    }
    response.flushBuffer(); // the answer goes first
    if (!discardRest(in, deadline)) {
      throw new ClientAbortException("the rest of the request body is not wanted");
    }
  }

  /** Reads the rest of the body within the limits; false when it cannot. */
  private boolean discardRest(ServletInputStream in, long deadline) {
    boolean slot = false;
    try {
      byte[] buffer = new byte[8192];
      long discarded = 0;
      while (!in.isFinished()) {
        if (SlowBodies.past(deadline) || discarded > MAX_DISCARDED) {
          return false;
        }
        if (!slot && in.available() == 0) {
          if (!slowBodies.takeToDiscard()) {
            return false;
          }
          slot = true;
        }
        int n = in.read(buffer);
        if (n < 0) {
          return true;
        }
        discarded += n;
      }
      return true;
    } catch (IOException e) {
      return false;
    } finally {
      if (slot) {
        slowBodies.give();
      }
    }
  }

  private static boolean promisesBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }
}
