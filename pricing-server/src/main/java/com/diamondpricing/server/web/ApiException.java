package com.diamondpricing.server.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the API refuses, carrying the problem to answer: status, stable code, title, detail
 * and, for bad input, the field at fault and the values it takes. Each feature owns its errors as
 * subclasses (for example {@code ModelNotFoundException}) or through the factories here; {@link
 * ApiExceptionHandler} renders them as they are and never reads their message.
 */
public class ApiException extends ErrorResponseException {

  private static final long serialVersionUID = 1L;

  /**
   * @param status the HTTP status
   * @param code the stable code (also the last segment of the problem type)
   * @param title a short summary that does not change from one occurrence to the next
   * @param detail what went wrong this time, in words a client may show
   */
  protected ApiException(HttpStatus status, String code, String title, String detail) {
    super(status, Problems.of(status, code, title, detail), null);
  }

  /** A problem with one status, code, title and detail. */
  public static ApiException of(HttpStatus status, String code, String title, String detail) {
    return new ApiException(status, code, title, detail);
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
    return new ApiException(
            HttpStatus.BAD_REQUEST,
            Problems.INVALID_PARAMETER,
            Problems.INVALID_PARAMETER_TITLE,
            detail)
        .field(field, allowedValues);
  }

  /** Names the field at fault and, when they are a short list, the values it takes. */
  protected final ApiException field(String field, List<String> allowedValues) {
    getBody().setProperty(Problems.FIELD, field);
    if (!allowedValues.isEmpty()) {
      getBody().setProperty(Problems.ALLOWED_VALUES, List.copyOf(allowedValues));
    }
    return this;
  }

  /** Adds a property to the problem (a typed value, rendered as JSON). */
  protected final void property(String name, Object value) {
    getBody().setProperty(name, value);
  }

  /** The stable code. */
  public final String code() {
    return Problems.code(getBody());
  }

  /** The field at fault, or null. */
  public final String field() {
    return getBody().getProperties() != null
            && getBody().getProperties().get(Problems.FIELD) instanceof String f
        ? f
        : null;
  }

  /** The values the field takes; empty when there is no short list. */
  @SuppressWarnings("unchecked")
  public final List<String> allowedValues() {
    return getBody().getProperties() != null
            && getBody().getProperties().get(Problems.ALLOWED_VALUES) instanceof List<?> l
        ? (List<String>) l
        : List.of();
  }

  /** The problem as it is answered. */
  public final ProblemDetail problem() {
    return getBody();
  }

  /** The problem's detail: the words a client sees, also what the command line prints. */
  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
