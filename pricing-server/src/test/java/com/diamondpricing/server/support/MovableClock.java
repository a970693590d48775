package com.diamondpricing.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it on. */
public final class MovableClock extends Clock {

  private volatile Instant now;
  private final ZoneId zone;

  public MovableClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  private MovableClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  /** Moves the time on (or back, with a negative duration). */
  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MovableClock(now, zone);
  }
}
