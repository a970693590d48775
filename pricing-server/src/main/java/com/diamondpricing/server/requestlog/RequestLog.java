package com.diamondpricing.server.requestlog;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the request capture ({@code web.capture.RequestLogFilter}) hands each record, the request
 * log's one entry point: {@link #record} returns once the record is in the journal (so the response
 * may be released) and queued for the writer, or, when the queue is full, left in the journal for
 * the writer to replay. It never waits for the database. A record that cannot be journaled (the
 * journal is over its quota, or the disk refuses it) is dropped and counted, its request is
 * answered {@code 503 storage-full} instead, and the {@link StorageGate} shuts until there is room
 * again. One that cannot be encoded is dropped, counted and warned about at most every {@value
 * #WARN_EVERY_SECONDS} seconds.
 */
public final class RequestLog {

  static final long WARN_EVERY_SECONDS = 30;

  /** The seconds a client refused for a full storage is told to wait ({@code Retry-After}). */
  public static final int RETRY_AFTER_SECONDS = StorageGate.RETRY_AFTER_SECONDS;

  private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

  private final Journal journal;
  private final RecordQueue queue;
  private final RequestLogMetrics metrics;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - warnEvery());
  private final AtomicLong droppedSinceWarning = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger recording =
      new java.util.concurrent.atomic.AtomicInteger();

  private final StorageGate gate;

  RequestLog(Journal journal, RecordQueue queue, RequestLogMetrics metrics, StorageGate gate) {
    this.journal = journal;
    this.queue = queue;
    this.metrics = metrics;
    this.gate = gate;
  }

  /** Whether requests can be recorded now (else they are answered 503 storage-full, unrun). */
  public boolean open() {
    return gate.open();
  }

  /** A request answered 503 storage-full because nothing can be recorded. */
  public void refused() {
    metrics.refused.increment();
    gate.refused();
  }

  /**
   * Notes a request whose record is on its way (from the filter's start to its {@link #record}): a
   * stopping writer waits for these, so a request the web server let finish late is written too.
   * Every call is paired with {@link #left()}.
   */
  public void entered() {
    recording.incrementAndGet();
  }

  public void left() {
    recording.decrementAndGet();
  }

  /** Requests whose record is on its way. */
  int inFlight() {
    return recording.get();
  }

  /**
   * Journals the record and queues it for the database; never blocks on the database. False when it
   * is in neither: its request must not be answered as if it were recorded.
   */
  public boolean record(RequestRecord record) {
    byte[] line;
    try {
      line = RecordLines.encode(record);
    } catch (RuntimeException e) {
      dropped(record, "it cannot be encoded: " + e);
      return false;
    }
    Journal.Position at;
    try {
      at = journal.append(line, p -> queue.offer(new Journaled(record, p.segment(), p.end())));
    } catch (Journal.QuotaExceeded e) {
      metrics.dropped.increment();
      gate.shut(
          "the journal in "
              + journal.dir()
              + " is at its quota (journal-max-size) until the"
              + " database takes its records");
      return false;
    }
    if (at == null) {
      metrics.dropped.increment();
      gate.shut(journal.lastFailure());
      return false;
    }
    if (!at.queued()) {
      metrics.spilled.increment();
    }
    return true;
  }

  private void dropped(RequestRecord record, String why) {
    metrics.dropped.increment();
    droppedSinceWarning.incrementAndGet();
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= warnEvery() && lastWarning.compareAndSet(last, now)) {
      log.warn(
          "Request log: LOST {} record(s) in the last {} s (the latest: request {}, {} {}):"
              + " {}",
          droppedSinceWarning.getAndSet(0),
          WARN_EVERY_SECONDS,
          record.requestId(),
          record.method(),
          record.path(),
          why);
    }
  }

  private static long warnEvery() {
    return TimeUnit.SECONDS.toNanos(WARN_EVERY_SECONDS);
  }
}
