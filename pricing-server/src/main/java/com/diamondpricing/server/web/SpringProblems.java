package com.diamondpricing.server.web;

import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/** Codes and allowed values for the problems of Spring MVC's own exceptions. */
final class SpringProblems {

  private SpringProblems() {}

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
