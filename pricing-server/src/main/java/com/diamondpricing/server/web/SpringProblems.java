package com.diamondpricing.server.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/**
 * The problems of Spring MVC's own exceptions, completed: title, stable type and code, allowed
 * values.
 */
final class SpringProblems {

  private SpringProblems() {}

  /**
   * The problem to answer for an exception, complete: the body given (or the exception's own, or a
   * bare one for the status), with a title, a stable type and code, and the allowed values when the
   * exception names them.
   */
  static ProblemDetail complete(
      Exception e, Object body, HttpStatusCode status, MessageSource messages) {
    ProblemDetail problem;
    if (body instanceof ProblemDetail p) {
      problem = p;
    } else if (body == null && e instanceof ErrorResponse error) {
      problem = error.updateAndGetBody(messages, LocaleContextHolder.getLocale());
    } else {
      problem = ProblemDetail.forStatus(status);
    }
    if (problem.getTitle() == null) {
      HttpStatus known = HttpStatus.resolve(status.value());
      problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
    }
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      problem.setType(Problems.type(code(e, status)));
    }
    if (Problems.code(problem) == null) {
      problem.setProperty(
          Problems.CODE, problem.getType().toString().replace(Problems.TYPE_BASE, ""));
    }
    List<String> allowed = allowedValues(e);
    if (!allowed.isEmpty()) {
      problem.setProperty(Problems.ALLOWED_VALUES, allowed);
    }
    return problem;
  }

  /** The code of Spring's own exceptions (the service's carry theirs). */
  static String code(Exception e, HttpStatusCode status) {
    if (e instanceof HttpRequestMethodNotSupportedException) {
      return "method-not-allowed";
    }
    if (e instanceof HttpMediaTypeNotSupportedException) {
      return "unsupported-media-type";
    }
    if (e instanceof HttpMediaTypeNotAcceptableException) {
      return "not-acceptable";
    }
    if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
      return "internal-error";
    }
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null
        ? "http-" + status.value()
        : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /** The media types or methods an endpoint takes, when Spring refused another. */
  static List<String> allowedValues(Exception e) {
    if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
      return mediaTypes(unsupported.getSupportedMediaTypes());
    }
    if (e instanceof HttpMediaTypeNotAcceptableException unacceptable) {
      return mediaTypes(unacceptable.getSupportedMediaTypes());
    }
    if (e instanceof HttpRequestMethodNotSupportedException method
        && method.getSupportedMethods() != null) {
      return List.of(method.getSupportedMethods());
    }
    return List.of();
  }

  private static List<String> mediaTypes(List<MediaType> types) {
    return types.stream().map(Object::toString).toList();
  }
}
