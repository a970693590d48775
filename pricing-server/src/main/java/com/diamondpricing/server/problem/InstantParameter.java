package com.diamondpricing.server.problem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A time given as a request parameter or field: an ISO-8601 instant, with a zone or offset, from
 * {@link #EARLIEST} to a day ahead of now. The one rule for every time a client sends (the request
 * log's and the live figures' {@code since} and {@code until}, a sale's {@code soldAt}). No data
 * here is older than the range, and none is newer than now, so a time outside it is a typing error.
 * The range also keeps every time one both databases store alike: PostgreSQL refuses a year past
 * 294,276 and SQLite's milliseconds overflow further out, each its own way.
 */
public final class InstantParameter {

  /** The earliest time a client may send. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** How far ahead of now a client may send a time (clocks disagree; a day covers every zone). */
  public static final Duration AHEAD = Duration.ofDays(1);

  private InstantParameter() {}

  /**
   * The instant, or null when the value is null or blank.
   *
   * @param name the parameter's or field's name, for the problem
   * @param clock now, for the latest time allowed
   * @throws Problem {@code invalid-parameter} naming it when it is no such time, or one before
   *     {@link #EARLIEST} or more than {@link #AHEAD} after now
   */
  public static Instant parse(String name, String value, Clock clock) {
    return parse(name, value, clock, false);
  }

  /**
   * As {@link #parse}, and a date alone ({@code 2026-12-05}) is that day's start, UTC: a sale's
   * time, which a till or a spreadsheet often gives as the day only.
   */
  public static Instant parseInstantOrDay(String name, String value, Clock clock) {
    return parse(name, value, clock, true);
  }

  private static Instant parse(String name, String value, Clock clock, boolean day) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    Instant instant = day ? orNullOrDay(v) : orNull(v);
    if (instant == null) {
      throw Problem.invalidParameter(
          name,
          name
              + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z"
              + (day ? " or a date such as 2026-01-31 (that day, UTC)" : "")
              + ", not '"
              + shown(v)
              + "'",
          List.of());
    }
    Instant latest = clock.instant().plus(AHEAD);
    if (instant.isBefore(EARLIEST) || instant.isAfter(latest)) {
      throw Problem.invalidParameter(
          name,
          name
              + " must be a time from "
              + EARLIEST
              + " to a day from now ("
              + latest.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
              + "), not '"
              + shown(v)
              + "'",
          List.of());
    }
    return instant;
  }

  private static String shown(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "..." : v;
  }

  /**
   * The ISO-8601 instant the text is, or the start (UTC) of the ISO-8601 date it is, or null when
   * it is neither.
   */
  public static Instant orNullOrDay(String text) {
    Instant instant = orNull(text);
    if (instant != null) {
      return instant;
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
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
