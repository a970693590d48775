package com.diamondpricing.server.web;

import com.diamondpricing.server.problem.BadField;
import com.diamondpricing.server.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.SocketTimeoutException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request body that cannot be read, as a problem: too large (413), not JSON (400 {@code
 * malformed-json}, with line and column), or a field of the wrong type or unknown (400 or 422
 * {@code invalid-parameter}, with its JSON path). What the problem says comes from the typed
 * exceptions Jackson and the service raise, never from their message text.
 */
final class BodyProblems {

  private BodyProblems() {}

  static ProblemDetail of(HttpMessageNotReadableException e, HttpServletRequest request) {
    RequestBodyFilter.BodyTooLargeException tooLarge =
        cause(e, RequestBodyFilter.BodyTooLargeException.class);
    if (tooLarge != null) {
      return RequestBodyFilter.tooLarge(tooLarge.limit);
    }
    if (cause(e, RequestBodyFilter.BodyTimeoutException.class) != null
        || cause(e, SocketTimeoutException.class) != null) {
      return RequestBodyFilter.bodyTimeout();
    }
    if (cause(e, RequestBodyFilter.ServerBusyException.class) != null) {
      return RequestBodyFilter.serverBusy();
    }
    JacksonException jackson = cause(e, JacksonException.class);
    if (jackson != null && !(jackson instanceof StreamReadException) && hasPath(jackson)) {
      return badField(jackson, path(jackson));
    }
    if (jackson != null) {
      String detail = "The request body is not valid JSON";
      TokenStreamLocation where = jackson.getLocation();
      if (where != null && where.getLineNr() > 0) {
        detail += " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
      }
      return malformed(detail);
    }
    boolean empty =
        request != null
            && request.getContentLengthLong() <= 0
            && request.getHeader("Transfer-Encoding") == null;
    return malformed(empty ? "The request body is missing." : "The request body cannot be read.");
  }

  private static ProblemDetail badField(JacksonException jackson, String field) {
    Problem refused = cause(jackson, Problem.class);
    String detail;
    List<String> allowed = List.of();
    if (refused != null) {
      detail = "field '" + field + "': " + refused.getMessage();
      allowed = refused.allowedValues();
    } else if (jackson instanceof UnrecognizedPropertyException) {
      detail = "field '" + field + "' is not known";
    } else if (jackson instanceof MismatchedInputException mismatch) {
      detail = "field '" + field + "' must be " + ProblemText.describe(mismatch.getTargetType());
      if (mismatch instanceof InvalidFormatException format) {
        detail += ", not '" + ProblemText.abbreviate(String.valueOf(format.getValue())) + "'";
      }
      allowed = ProblemText.enumValues(mismatch.getTargetType());
    } else {
      detail = "field '" + field + "' has a value that cannot be used";
    }
    HttpStatus status =
        jackson instanceof UnrecognizedPropertyException
            ? HttpStatus.UNPROCESSABLE_CONTENT
            : HttpStatus.BAD_REQUEST;
    ProblemDetail body =
        Problems.of(status, Problems.INVALID_PARAMETER, Problems.INVALID_PARAMETER_TITLE, detail);
    body.setProperty(Problems.FIELD, field);
    body.setProperty("errors", List.of(new BadField(field, null, detail, allowed)));
    if (!allowed.isEmpty()) {
      body.setProperty(Problems.ALLOWED_VALUES, allowed);
    }
    return body;
  }

  private static ProblemDetail malformed(String detail) {
    return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail);
  }

  private static boolean hasPath(JacksonException e) {
    return e.getPath() != null && !e.getPath().isEmpty();
  }

  /** The JSON path of the field at fault, e.g. {@code models[1]}. */
  private static String path(JacksonException e) {
    StringBuilder s = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        if (!s.isEmpty()) {
          s.append('.');
        }
        s.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        s.append('[').append(r.getIndex()).append(']');
      }
    }
    return s.toString();
  }

  static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
