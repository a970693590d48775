package com.diamondpricing.server.requestlog;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the request log can record now. Once a record could not be journaled (the journal at its
 * quota, or the disk full), the gate is shut: requests are answered {@code 503 storage-full}
 * without being run, rather than answered as if they were recorded, and readiness is DOWN with the
 * reason. While shut, the next request or readiness probe asks the journal for room again, at most
 * every {@value #CHECK_EVERY_MILLIS} ms, so the gate opens by itself once space returns. Shutting
 * and opening are each logged once per episode.
 */
final class StorageGate {

  static final long CHECK_EVERY_MILLIS = 1000;

  /** The seconds a refused client is told to wait ({@code Retry-After}). */
  static final int RETRY_AFTER_SECONDS = 10;

  private static final Logger log = LoggerFactory.getLogger(StorageGate.class);

  private final Journal journal;
  private final AtomicLong refused = new AtomicLong();
  private volatile String shutBecause; // null: open
  private volatile long checkedNanos;

  StorageGate(Journal journal) {
    this.journal = journal;
  }

  /** Whether records can be taken; while shut, checks for room again now and then. */
  boolean open() {
    if (shutBecause == null) {
      return true;
    }
    long now = System.nanoTime();
    if (now - checkedNanos < TimeUnit.MILLISECONDS.toNanos(CHECK_EVERY_MILLIS)) {
      return false;
    }
    synchronized (this) {
      if (shutBecause == null) {
        return true;
      }
      checkedNanos = now;
      String still = journal.lacksRoom();
      if (still != null) {
        shutBecause = still;
        return false;
      }
      log.info(
          "Request log: storage available again; recording and answering /api/ requests"
              + " ({} refused with 503 storage-full meanwhile)",
          refused.getAndSet(0));
      shutBecause = null;
      return true;
    }
  }

  /** A record could not be journaled: shut the gate (logged once until it opens again). */
  void shut(String why) {
    synchronized (this) {
      checkedNanos = System.nanoTime();
      if (shutBecause == null) {
        log.error(
            "Request log: cannot record requests ({}); answering /api/ requests 503 storage-full"
                + " and readiness DOWN until space returns",
            why);
      }
      shutBecause = why;
    }
  }

  /** A request answered 503 because the gate is shut. */
  void refused() {
    refused.incrementAndGet();
  }

  /** Why the gate is shut, or null when it is open. */
  String reason() {
    return shutBecause;
  }
}
