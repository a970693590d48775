package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.system.BackgroundWorker;
import com.diamondpricing.server.system.ShutdownOrder;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes the request log into the database, off the request threads.
 *
 * <ul>
 *   <li>It takes queued records in batches (one JDBC batch, one transaction): a batch is gathered
 *       until it holds {@code batch-size} records or its first record has waited {@code
 *       flush-interval}, so under load the batches are full and a record waits about that long.
 *   <li>Each transaction also records how far each journal segment is in the database; a segment
 *       whose every line is in is deleted.
 *   <li>Lines that were journaled but not queued (the queue was full, the database away) are read
 *       back from their closed segment, a chunk per turn, between queued batches: replay goes on
 *       under sustained traffic. So do segments an earlier process left (a crash, a hard kill).
 *   <li>A failed insert keeps its records and is retried with a doubling pause ({@code retry-min}
 *       to {@code retry-max}); meanwhile the queue fills and then records wait in the journal only.
 *   <li>{@link #stop} (a graceful shutdown, after the web server has stopped: {@link
 *       ShutdownOrder#REQUEST_LOG}) writes what is queued and replays the rest while the database
 *       answers within {@code shutdown-timeout}; whatever is left is in the journal, replayed at
 *       the next start.
 * </ul>
 */
public final class RequestLogWriter extends BackgroundWorker {

  private static final Logger log = LoggerFactory.getLogger(RequestLogWriter.class);
  private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final DataSource dataSource;
  private final AutoCloseable ownDataSource;
  private final Journal journal;
  private final RecordQueue queue;
  private final RequestLogMetrics metrics;
  private final IntSupplier inFlight;
  private final Clock clock;
  private final int batchSize;
  private final long flushMillis;
  private final long retryMinMillis;
  private final long retryMaxMillis;
  private final long shutdownNanos;

  private volatile long deadline;
  private volatile int inHand;

  // the writer thread's own state
  private final List<Journaled> batch = new ArrayList<>();
  private RowWriter rows;
  private SegmentReader reading;
  private SegmentReader.Chunk chunk;
  private boolean outage;
  private long outageSince;
  private boolean backingOff;
  private long retryAt;
  private long backoffMillis;
  private long lastWarning;
  private int failuresSinceWarning;

  /**
   * @param dataSource where the rows go
   * @param ownDataSource closed when the writer stops (the writer's own pool), or null
   * @param inFlight records being journaled and queued right now: a stop waits for them (a request
   *     the web server let finish late)
   */
  RequestLogWriter(
      DataSource dataSource,
      AutoCloseable ownDataSource,
      RequestLogProperties properties,
      Journal journal,
      RecordQueue queue,
      RequestLogMetrics metrics,
      IntSupplier inFlight,
      Clock clock) {
    super("request-log-writer", ShutdownOrder.REQUEST_LOG, OnStop.FINISH, stopTimeout(properties));
    this.dataSource = dataSource;
    this.ownDataSource = ownDataSource;
    this.journal = journal;
    this.queue = queue;
    this.metrics = metrics;
    this.inFlight = inFlight;
    this.clock = clock;
    this.batchSize = properties.batchSize();
    this.flushMillis = Math.max(1, properties.flushInterval().toMillis());
    this.retryMinMillis = Math.max(1, properties.retryMin().toMillis());
    this.retryMaxMillis = Math.max(retryMinMillis, properties.retryMax().toMillis());
    this.shutdownNanos = properties.shutdownTimeout().toNanos();
  }

  /**
   * How long a stop waits for the writer: its shutdown timeout, and room for a retry pause and a
   * last insert after it.
   */
  private static Duration stopTimeout(RequestLogProperties properties) {
    Duration retryMax =
        properties.retryMax().compareTo(properties.retryMin()) < 0
            ? properties.retryMin()
            : properties.retryMax();
    return properties.shutdownTimeout().plus(retryMax.multipliedBy(2)).plusSeconds(5);
  }

  // ---- lifecycle

  @Override
  protected void stopRequested() {
    deadline = System.nanoTime() + shutdownNanos;
  }

  @Override
  protected void finished() {
    if (reading != null) {
      reading.close();
    }
    // whatever is still queued or in hand is in the journal: the next start replays it
  }

  @Override
  protected void stopped() {
    journal.closeCurrent();
    if (ownDataSource != null) {
      try {
        ownDataSource.close();
      } catch (Exception e) {
        log.warn("Request log: cannot close the writer's connections: {}", e.toString());
      }
    }
    log.info(
        "Request log: stopped; {} rows written, {} replayed, {} left in the journal, {} dropped"
            + " in all{}",
        (long) metrics.logged.count(),
        (long) metrics.replayed.count(),
        (long) metrics.spilled.count(),
        (long) metrics.dropped.count(),
        journal.pending()
            ? "; journal files in " + journal.dir() + " wait for the next start"
            : "");
  }

  /** Stops the writer if the context did not (a start that failed half way). */
  public void close() {
    stop();
  }

  // ---- the writer thread

  @Override
  protected boolean turn() throws InterruptedException {
    try {
      return step();
    } catch (RuntimeException | Error e) {
      log.error("Request log: unexpected error in the writer; going on", e);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(flushMillis));
      return true;
    }
  }

  /** One turn: a queued batch, then a replay chunk; false when the writer is done. */
  private boolean step() throws InterruptedException {
    boolean stopping = stopping();
    if (stopping && System.nanoTime() - deadline > 0) {
      return false;
    }
    journal.closeIf(queue.halfEmpty());
    if (batch.isEmpty()) {
      boolean replayWaits = chunk != null || reading != null || awaitingReplay() != null;
      Journaled first =
          stopping || replayWaits ? queue.poll() : queue.poll(flushMillis, TimeUnit.MILLISECONDS);
      if (first != null) {
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        if (!stopping && !backingOff) {
          gather(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis));
        }
        inHand = batch.size();
      }
    }
    long now = System.nanoTime();
    if (backingOff && now - retryAt < 0) {
      Thread.sleep(Math.min(flushMillis, TimeUnit.NANOSECONDS.toMillis(retryAt - now) + 1));
      return true;
    }
    if (!batch.isEmpty()) {
      if (!writeBatch()) {
        return true;
      }
      batch.clear();
      inHand = 0;
    }
    replayChunk();
    deleteComplete();
    if (stopping && batch.isEmpty() && queue.isEmpty() && inFlight.getAsInt() == 0) {
      journal.closeCurrent(); // its rest, if any, can be replayed now
      deleteComplete();
      return chunk != null || reading != null || awaitingReplay() != null;
    }
    return true;
  }

  /** Adds queued records to the batch until it is full or the deadline passes. */
  private void gather(long until) throws InterruptedException {
    while (!stopping() && batch.size() < batchSize && until - System.nanoTime() > 0) {
      queue.awaitAtLeast(batchSize - batch.size(), until);
      queue.drainTo(batch, batchSize - batch.size());
      inHand = batch.size();
    }
  }

  private boolean writeBatch() {
    List<RequestRecord> records = new ArrayList<>(batch.size());
    Map<Segment, Long> last = new HashMap<>();
    for (Journaled j : batch) {
      records.add(j.record());
      last.merge(j.segment(), j.end(), Math::max);
    }
    Map<String, Long> offsets = new HashMap<>();
    last.forEach((segment, end) -> offsets.put(segment.name, end));
    RecordInserter.Result result = write(records, offsets);
    if (result == null) {
      return false;
    }
    last.forEach((segment, end) -> segment.committed = Math.max(segment.committed, end));
    metrics.logged.increment(result.inserted());
    lost(result.dropped());
    return true;
  }

  /** Writes the next chunk of a segment that waits to be replayed, if one does. */
  private void replayChunk() {
    if (chunk == null && !readChunk()) {
      return;
    }
    Segment segment = reading.segment();
    RecordInserter.Result result = write(chunk.records(), Map.of(segment.name, chunk.end()));
    if (result == null) {
      return;
    }
    segment.committed = chunk.end();
    metrics.logged.increment(result.inserted());
    metrics.replayed.increment(result.inserted());
    lost(result.dropped());
    if (chunk.unreadable() > 0) {
      metrics.dropped.increment(chunk.unreadable());
      log.error(
          "Request log: LOST {} unreadable line(s) of the journal file {} (cut by a crash?)",
          chunk.unreadable(),
          segment.path);
    }
    boolean last = chunk.last();
    chunk = null;
    if (last) {
      reading.close();
      reading = null;
      if (segment.inherited) {
        log.info("Request log: replayed the journal file {}", segment.name);
      }
      finish(segment);
    }
  }

  /** Opens the next segment to replay if needed, and reads a chunk of it; false if none. */
  private boolean readChunk() {
    if (reading == null) {
      Segment segment = awaitingReplay();
      if (segment == null) {
        return false;
      }
      if (segment.committed < 0 && !lookUpProgress(segment)) {
        return false;
      }
      if (segment.committed == Long.MAX_VALUE) {
        finish(segment); // replayed whole by an earlier version
        return false;
      }
      try {
        reading = new SegmentReader(segment, segment.committed);
      } catch (IOException e) {
        log.error("Request log: cannot read the journal file {}: {}", segment.path, e.toString());
        journal.abandon(segment);
        return false;
      }
    }
    try {
      chunk = reading.next(batchSize);
      return true;
    } catch (IOException e) {
      log.error(
          "Request log: cannot read the journal file {}: {}", reading.segment().path, e.toString());
      reading.close();
      journal.abandon(reading.segment());
      reading = null;
      return false;
    }
  }

  private boolean lookUpProgress(Segment segment) {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      segment.committed = RecordInserter.committedOffset(c, segment.name);
      recovered();
      return true;
    } catch (SQLException | RuntimeException e) {
      evict(c);
      failed(e);
      return false;
    } finally {
      close(c);
    }
  }

  private Segment awaitingReplay() {
    for (Segment s : journal.closedSegments()) {
      if (s.awaitsReplay()) {
        return s;
      }
    }
    return null;
  }

  private void deleteComplete() {
    for (Segment s : journal.closedSegments()) {
      if (s.complete()) {
        finish(s);
      }
    }
  }

  /**
   * Deletes a segment whose lines are all in the database, then its progress row (kept when the
   * file could not be deleted: without it the file would be replayed again from its start).
   */
  private void finish(Segment segment) {
    if (!journal.delete(segment)) {
      return;
    }
    Connection c = null;
    try {
      c = dataSource.getConnection();
      RecordInserter.forget(c, segment.name);
    } catch (SQLException | RuntimeException e) {
      evict(c); // a stale progress row names a file that is gone: harmless
    } finally {
      close(c);
    }
  }

  /** Writes records; the result, or null when the database failed (the caller keeps them). */
  private RecordInserter.Result write(List<RequestRecord> records, Map<String, Long> offsets) {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      if (rows == null) {
        rows = RowWriter.of(c);
      }
      RecordInserter.Result result =
          RecordInserter.insert(c, rows, records, offsets, clock.instant());
      recovered();
      return result;
    } catch (SQLException | RuntimeException e) {
      evict(c);
      failed(e);
      return null;
    } finally {
      close(c);
    }
  }

  private void lost(List<RequestRecord> dropped) {
    if (dropped.isEmpty()) {
      return;
    }
    metrics.dropped.increment(dropped.size());
    for (RequestRecord r : dropped) {
      log.error(
          "Request log: LOST the record of request {} ({} {} {}): the database refused it twice",
          r.requestId(),
          r.method(),
          r.path(),
          r.status());
    }
  }

  /** A connection that failed half way is not trusted again. */
  private void evict(Connection c) {
    if (c != null && dataSource instanceof HikariDataSource pool) {
      pool.evictConnection(c);
    }
  }

  private static void close(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // already evicted or broken
      }
    }
  }

  private void failed(Exception e) {
    metrics.retried.increment();
    long now = System.nanoTime();
    if (!outage) {
      outage = true;
      outageSince = now;
      lastWarning = now;
      failuresSinceWarning = 0;
      log.warn(
          "Request log: cannot write to the database ({}); records wait in the journal in {}",
          e.toString(),
          journal.dir());
    } else if (now - lastWarning > WARN_EVERY_NANOS) {
      log.warn(
          "Request log: the database is still unavailable after {} s and {} more attempts ({})",
          TimeUnit.NANOSECONDS.toSeconds(now - outageSince),
          failuresSinceWarning,
          e.toString());
      lastWarning = now;
      failuresSinceWarning = 0;
    } else {
      failuresSinceWarning++;
    }
    backoffMillis =
        backoffMillis == 0 ? retryMinMillis : Math.min(retryMaxMillis, backoffMillis * 2);
    retryAt = now + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
    backingOff = true;
  }

  private void recovered() {
    if (outage) {
      log.info(
          "Request log: the database answers again after {} ms",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageSince));
    }
    outage = false;
    backingOff = false;
    backoffMillis = 0;
  }

  // ---- for tests and the health of the log

  /** Records waiting in memory. */
  int queued() {
    return queue.size();
  }

  /** Whether everything recorded so far is in the database (nothing queued, in hand or left). */
  boolean idle() {
    if (!queue.isEmpty() || inHand != 0 || journal.pending()) {
      return false;
    }
    Segment current = journal.current();
    return current == null || (!current.writing() && current.committed >= current.size());
  }

  Path journalDir() {
    return journal.dir();
  }
}
