package com.diamondpricing.server.system;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Times as stored: millisecond precision, the same on SQLite and PostgreSQL. The time now is read
 * from the injected {@link Clock} (the {@code clock} bean), never from the system directly.
 */
public final class SqlTimes {

  private SqlTimes() {}

  /** The clock's time, to the millisecond (as the databases keep it). */
  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  public static Timestamp sql(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  public static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
