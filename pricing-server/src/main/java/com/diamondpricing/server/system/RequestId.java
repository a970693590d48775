package com.diamondpricing.server.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request's id, given to it by the HTTP edge ({@code web.RequestIdFilter}) before anything else
 * sees it, echoed in the {@value #HEADER} header, recorded by the request log and given in answers
 * that name their request (a price's {@code requestId}).
 */
public final class RequestId {

  /** The header a client may send its own id in, and the response echoes. */
  public static final String HEADER = "X-Request-Id";

  /** The request attribute that holds the id. */
  public static final String ATTRIBUTE = "diamonds.requestId";

  private RequestId() {}

  /** The id of the request, or null before the edge has given it one. */
  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id == null ? null : id.toString();
  }
}
