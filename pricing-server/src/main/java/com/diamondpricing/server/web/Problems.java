package com.diamondpricing.server.web;

import com.diamondpricing.server.problem.Problem;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The shape every problem of the API shares (RFC 9457): a stable {@code type} ({@value
 * #TYPE_BASE}{@code <code>}), the same {@code code} as a property, a {@code title}, the {@code
 * status} and a {@code detail} in words. Some add {@value #FIELD} and {@value #ALLOWED_VALUES} (bad
 * input), {@code errors} (each bad field), {@code report} (a rejected dataset) or {@code errorId}
 * (an unexpected error, as logged). {@code docs/errors.md} lists every code.
 */
public final class Problems {

  /** The prefix of every problem type. */
  public static final String TYPE_BASE = "https://diamond-pricing.example/problems/";

  /** The property holding the problem's code. */
  public static final String CODE = "code";

  /** The property naming the parameter or body field at fault. */
  public static final String FIELD = "field";

  /** The property listing the values a parameter takes. */
  public static final String ALLOWED_VALUES = "allowedValues";

  /** The code of a parameter or body field with a value the API does not take. */
  public static final String INVALID_PARAMETER = Problem.INVALID_PARAMETER;

  static final String INVALID_PARAMETER_TITLE = Problem.INVALID_PARAMETER_TITLE;

  private Problems() {}

  /** The problem type of a code. */
  public static URI type(String code) {
    return URI.create(TYPE_BASE + code);
  }

  /** A problem with the service's type, title, code and detail. */
  public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(code));
    problem.setTitle(title);
    problem.setProperty(CODE, code);
    return problem;
  }

  /**
   * A feature's problem as the API answers it: the status its kind stands for, its code, title and
   * detail, the field at fault and the values it takes, and its further properties.
   */
  static ProblemDetail of(Problem problem) {
    ProblemDetail body =
        of(status(problem.kind()), problem.code(), problem.title(), problem.detail());
    if (problem.field() != null) {
      body.setProperty(FIELD, problem.field());
      if (!problem.allowedValues().isEmpty()) {
        body.setProperty(ALLOWED_VALUES, problem.allowedValues());
      }
    }
    problem.properties().forEach(body::setProperty);
    return body;
  }

  /** The HTTP status of a kind of problem. */
  static HttpStatus status(Problem.Kind kind) {
    return switch (kind) {
      case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
      case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }

  /** The problem's code, or null when it has none. */
  static String code(ProblemDetail problem) {
    return problem.getProperties() != null && problem.getProperties().get(CODE) instanceof String c
        ? c
        : null;
  }
}
