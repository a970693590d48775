package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.system.BackgroundWorker;
import com.diamondpricing.server.system.ShutdownOrder;
import java.nio.file.Path;
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
 * The one worker that writes the request log into the database, off the request threads.
 *
 * <ul>
 *   <li>It takes queued records in batches (one JDBC batch, one transaction): a batch is gathered
 *       until it holds {@code batch-size} records or its first record has waited {@code
 *       flush-interval}, so under load the batches are full and a record waits about that long.
 *   <li>Each transaction also records how far each journal segment is in the database; a segment
 *       whose every line is in is deleted.
 *   <li>Between queued batches, a chunk of the lines that only the journal holds is replayed
 *       ({@link JournalReplay}).
 *   <li>A failed insert keeps its records and is retried after a doubling pause ({@link Outage});
 *       meanwhile the queue fills and then records wait in the journal only.
 *   <li>{@link #stop} (a graceful shutdown, after the web server has stopped: {@link
 *       ShutdownOrder#REQUEST_LOG}) waits for the records of requests still in the filter, writes
 *       what is queued and replays the rest while the database answers within {@code
 *       shutdown-timeout}; whatever is left is in the journal, replayed at the next start.
 * </ul>
 */
public final class RequestLogWriter extends BackgroundWorker {

  private static final Logger log = LoggerFactory.getLogger(RequestLogWriter.class);

  private final AutoCloseable ownDataSource;
  private final Journal journal;
  private final RecordQueue queue;
  private final RequestLogMetrics metrics;
  private final IntSupplier inFlight;
  private final Outage outage;
  private final WriterDatabase database;
  private final JournalReplay replay;
  private final int batchSize;
  private final long flushMillis;
  private final long shutdownNanos;

  private volatile long deadline;
  private volatile int inHand;

  /** The batch being gathered or written: the writer thread's. */
  private final List<Journaled> batch = new ArrayList<>();

  /**
   * @param dataSource where the rows go
   * @param ownDataSource closed when the writer stops (the writer's own pool), or null
   * @param inFlight records being journaled and queued right now: a stop waits for them (a request
   *     the web server let finish late)
   * @param clock the time of the segments' progress rows
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
    this.ownDataSource = ownDataSource;
    this.journal = journal;
    this.queue = queue;
    this.metrics = metrics;
    this.inFlight = inFlight;
    this.batchSize = properties.batchSize();
    this.flushMillis = Math.max(1, properties.flushInterval().toMillis());
    this.shutdownNanos = properties.shutdownTimeout().toNanos();
    long retryMinMillis = Math.max(1, properties.retryMin().toMillis());
    long retryMaxMillis = Math.max(retryMinMillis, properties.retryMax().toMillis());
    this.outage = new Outage(retryMinMillis, retryMaxMillis, metrics, journal.dir());
    this.database = new WriterDatabase(dataSource, outage, metrics, clock);
    this.replay = new JournalReplay(journal, database, metrics, batchSize);
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
    replay.close();
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
      Journaled first =
          stopping || replay.waiting()
              ? queue.poll()
              : queue.poll(flushMillis, TimeUnit.MILLISECONDS);
      if (first != null) {
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        if (!stopping && !outage.backingOff()) {
          gather(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis));
        }
        inHand = batch.size();
      }
    }
    long wait = outage.waitNanos(System.nanoTime());
    if (wait > 0) {
      Thread.sleep(Math.min(flushMillis, TimeUnit.NANOSECONDS.toMillis(wait) + 1));
      return true;
    }
    if (!batch.isEmpty()) {
      if (!writeBatch()) {
        return true;
      }
      batch.clear();
      inHand = 0;
    }
    replay.replayChunk();
    replay.deleteComplete();
    if (stopping && batch.isEmpty() && queue.isEmpty() && inFlight.getAsInt() == 0) {
      journal.closeCurrent(); // its rest, if any, can be replayed now
      replay.deleteComplete();
      return replay.waiting();
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

  /** Inserts the batch with its segments' new offsets; false when the database failed. */
  private boolean writeBatch() {
    List<RequestRecord> records = new ArrayList<>(batch.size());
    Map<Segment, Long> last = new HashMap<>();
    for (Journaled j : batch) {
      records.add(j.record());
      last.merge(j.segment(), j.end(), Math::max);
    }
    Map<String, Long> offsets = new HashMap<>();
    last.forEach((segment, end) -> offsets.put(segment.name, end));
    if (database.insert(records, offsets) < 0) {
      return false;
    }
    last.forEach((segment, end) -> segment.committed = Math.max(segment.committed, end));
    return true;
  }

  // ---- for tests and the health of the log

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
