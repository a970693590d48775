package com.diamondpricing.server.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A time given as a request parameter or field: an ISO-8601 instant, with a zone or offset. */
public final class InstantParameter {

  private InstantParameter() {}

  /**
   * The instant, or null when the value is null or blank.
   *
   * @param name the parameter's or field's name, for the problem
   * @throws ApiException 400 {@code invalid-parameter} naming it when it is no such time
   */
  public static Instant parse(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    Instant instant = orNull(v);
    if (instant == null) {
      throw ApiException.invalidParameter(
          name,
          name
              + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, not '"
              + (v.length() > 40 ? v.substring(0, 40) + "..." : v)
              + "'",
          List.of());
    }
    return instant;
  }

  /** The ISO-8601 instant (with a zone or an offset) the text is, or null when it is none. */
  public static Instant orNull(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
