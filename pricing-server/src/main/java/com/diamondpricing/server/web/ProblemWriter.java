package com.diamondpricing.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem as {@code application/problem+json} straight to the servlet response, for the
 * answers given before a request reaches Spring MVC (the firewall, the security rules, the body
 * limits); {@link ApiExceptionHandler} renders the rest, built by the same {@link Problems}. Either
 * way the problem's code is left in the request attribute {@value #CODE_ATTRIBUTE} for the request
 * log.
 */
public final class ProblemWriter {

  /** The request attribute holding the code of the problem the request was answered with. */
  public static final String CODE_ATTRIBUTE = "diamonds.problemCode";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemWriter() {}

  /** A problem with the service's type, title, code and detail. */
  public static ProblemDetail problem(int status, String code, String title, String detail) {
    return Problems.of(HttpStatusCode.valueOf(status), code, title, detail);
  }

  /** Writes the problem, with the request's routed path as its instance, unless committed. */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    remember(request, problem);
    if (response.isCommitted()) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", String.valueOf(problem.getType()));
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    body.put("instance", RoutedPath.of(request));
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.resetBuffer();
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(bytes);
  }

  /** Leaves the problem's code where the request log reads it. */
  public static void remember(HttpServletRequest request, ProblemDetail problem) {
    String code = Problems.code(problem);
    if (code != null) {
      request.setAttribute(CODE_ATTRIBUTE, code);
    }
  }
}
