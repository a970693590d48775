package com.diamondpricing.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;

/** The guard's answers, as problems: 400 for a refused spelling, 401, 403. */
final class ProblemResponses {

  static final String REJECTED = "rejected-request";
  static final String UNAUTHORIZED = "unauthorized";
  static final String FORBIDDEN = "forbidden";

  private ProblemResponses() {}

  static void rejected(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    ProblemWriter.write(
        request,
        response,
        ProblemWriter.problem(
            400,
            REJECTED,
            "Request rejected",
            "The request's path or headers are spelled in a way the service does not take"
                + " (encoded slashes, dots or percent signs, ';' path parameters, '//', dot"
                + " segments or control characters). Send the path in its plain form."));
  }

  static void unauthorized(
      HttpServletRequest request, HttpServletResponse response, boolean wrongToken)
      throws IOException {
    if (!response.isCommitted()) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    ProblemWriter.write(
        request,
        response,
        ProblemWriter.problem(
            401,
            UNAUTHORIZED,
            "Unauthorized",
            wrongToken
                ? "The key sent is neither the admin token nor a working API key (a revoked"
                    + " key stops working at once)."
                : "This endpoint needs "
                    + RequiredRole.of(RoutedPath.of(request), request.getMethod()).needs()
                    + ": send 'Authorization: Bearer <secret>'."));
  }

  static void forbidden(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    ProblemWriter.write(
        request,
        response,
        ProblemWriter.problem(
            403,
            FORBIDDEN,
            "Forbidden",
            "This endpoint needs "
                + RequiredRole.of(RoutedPath.of(request), request.getMethod()).needs()
                + "; the key sent does not have that role."));
  }
}
