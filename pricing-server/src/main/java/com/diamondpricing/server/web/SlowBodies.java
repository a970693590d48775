package com.diamondpricing.server.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * The worker threads that may wait for request bodies on their way ({@code
 * diamonds.http.slow-body-readers}), and the time a body has ({@code diamonds.http.body-timeout}).
 * A read that would wait for the network takes a slot first ({@link RequestBodyFilter}), and so
 * does reading what a refused request left of its body ({@link UnreadBodyFilter}); with none free,
 * the request is refused rather than let a slow client hold one more thread.
 */
@Component
class SlowBodies {

  private final Semaphore slots;
  private final long timeoutNanos;
  private final Counter refused;

  SlowBodies(HttpLimitsProperties limits, MeterRegistry meters) {
    int size = limits.slowBodyReaders();
    this.slots = new Semaphore(size);
    this.timeoutNanos = limits.bodyTimeout().toNanos();
    Gauge.builder("diamonds.http.slow-bodies.waiting", slots, s -> size - s.availablePermits())
        .description("requests holding a worker thread while their body arrives")
        .register(meters);
    this.refused =
        Counter.builder("diamonds.http.slow-bodies.refused")
            .description("requests refused 503 server-busy: every slot was taken")
            .register(meters);
  }

  /** The {@link System#nanoTime} by which a body received now must have arrived. */
  long deadline() {
    return System.nanoTime() + timeoutNanos;
  }

  static boolean past(long deadline) {
    return System.nanoTime() - deadline > 0;
  }

  /** A slot, or false (counted) when every one is taken. */
  boolean take() {
    if (slots.tryAcquire()) {
      return true;
    }
    refused.increment();
    return false;
  }

  /** A slot to discard what a refused request left unread, or false (not counted). */
  boolean takeToDiscard() {
    return slots.tryAcquire();
  }

  void give() {
    slots.release();
  }
}
