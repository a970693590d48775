package com.diamondpricing.server.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the API refuses, with the problem to answer. Controllers throw it through the
 * factories; {@link ApiExceptionHandler} writes it as {@code application/problem+json}.
 */
public final class ApiException extends ErrorResponseException {

  private static final long serialVersionUID = 1L;

  private ApiException(HttpStatus status, ProblemDetail problem) {
    super(status, problem, null);
  }

  /** A problem with one status, slug, title and detail (see {@link ApiExceptionHandler#type}). */
  public static ApiException of(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ApiExceptionHandler.type(slug));
    problem.setTitle(title);
    problem.setProperty(ApiExceptionHandler.CODE, slug);
    return new ApiException(status, problem);
  }

  /**
   * 400: a request parameter or body field has a value the API does not take.
   *
   * @param field the parameter's or field's name
   * @param detail what is wrong, in words
   * @param allowedValues the values it takes, or an empty list when they are not a short list
   */
  public static ApiException invalidParameter(
      String field, String detail, List<String> allowedValues) {
    ApiException e =
        of(
            HttpStatus.BAD_REQUEST,
            ApiExceptionHandler.INVALID_PARAMETER,
            ApiExceptionHandler.INVALID_PARAMETER_TITLE,
            detail);
    e.getBody().setProperty(ApiExceptionHandler.FIELD, field);
    if (!allowedValues.isEmpty()) {
      e.getBody().setProperty(ApiExceptionHandler.ALLOWED_VALUES, List.copyOf(allowedValues));
    }
    return e;
  }
}
