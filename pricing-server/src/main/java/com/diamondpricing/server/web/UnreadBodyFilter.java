package com.diamondpricing.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request answered without its body read to the end (refused, or cut off by a limit of {@link
 * RequestBodyFilter}) has its answer sent and its connection closed at once. Left to itself, Tomcat
 * would read and discard the rest of the body first (up to 2 MB, each read waiting up to the
 * connection timeout): a worker thread held by any client that promises a body and sends it slowly.
 * Tomcat closes without reading when a request ends in an error after its answer is sent, so this
 * filter, right after {@link RequestIdFilter} and around the request log's filter (which sends the
 * answer), sends the answer and then ends the request with a {@link ClientAbortException}, the one
 * exception Tomcat takes for that without logging it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class UnreadBodyFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if (promisesBody(request)
        && !request.isAsyncStarted()
        && !request.getInputStream().isFinished()) {
      response.flushBuffer();
      throw new ClientAbortException("the rest of the request body is not wanted");
    }
  }

  private static boolean promisesBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }
}
