package com.diamondpricing.server.requestlog;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Takes the request log's records off the request threads and writes them into the database.
 *
 * <ul>
 *   <li>{@link #submit} never blocks: the record goes into a bounded queue (records and bytes), or,
 *       when the queue is full, is appended to the {@link Journal}.
 *   <li>One writer thread inserts what is queued in batches (one JDBC batch, one transaction). It
 *       gathers a batch until it holds {@code batch-size} records or its first record has waited
 *       {@code flush-interval} (100 ms), so under load the batches are full (a few transactions a
 *       second, not one per handful of records) and a record waits at most about {@code
 *       flush-interval} plus the insert before the last one.
 *   <li>When an insert fails (the database is down or locked), the batch is kept and retried with a
 *       doubling pause ({@code retry-min} to {@code retry-max}) while the queue fills; once the
 *       outage has lasted {@code journal-after}, the batch and whatever is queued go to the
 *       journal, so little sits in memory. Journal files are replayed (one file, one transaction,
 *       marked as replayed in the same transaction) once the database answers, then deleted; files
 *       left by an earlier run are replayed after the start.
 *   <li>{@link #stop} (a graceful shutdown, after the web server has stopped) writes everything
 *       still queued, and replays the journal, while the database answers within {@code
 *       shutdown-timeout}; what is left then goes to the journal, replayed at the next start.
 * </ul>
 *
 * Metrics: {@code diamonds.requestlog.logged} (rows written, replays included), {@code .queued}
 * (waiting in memory), {@code .retried} (failed inserts that will be tried again), {@code .spilled}
 * (records written to the journal), {@code .replayed} (journal records written into the database)
 * and {@code .dropped} (records lost: a journal that cannot be written, a row the database refuses
 * twice; expected 0).
 */
public final class RequestLogWriter implements SmartLifecycle {

  /** Starts before the web server and stops after it (its phases are MAX-2048 and MAX-1024). */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private static final Logger log = LoggerFactory.getLogger(RequestLogWriter.class);
  private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final DataSource dataSource;
  private final AutoCloseable ownDataSource;
  private final Journal journal;
  private final RecordQueue queue;
  private final int capacity;
  private final long maxQueuedBytes;
  private final int batchSize;
  private final long flushMillis;
  private final long journalAfterNanos;
  private final long retryMinMillis;
  private final long retryMaxMillis;
  private final long shutdownNanos;

  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicInteger submitting = new AtomicInteger();
  private volatile boolean accepting = true;
  private volatile boolean stopRequested;
  private volatile long deadline;
  private volatile int inHand;
  private Thread thread;
  private volatile boolean running;

  private final Counter logged;
  private final Counter retried;
  private final Counter spilled;
  private final Counter replayed;
  private final Counter dropped;

  // the writer thread's own state
  private RecordInserter.Vendor vendor;
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
   */
  RequestLogWriter(
      DataSource dataSource,
      AutoCloseable ownDataSource,
      RequestLogProperties properties,
      Path journalDir,
      MeterRegistry meters) {
    this.dataSource = dataSource;
    this.ownDataSource = ownDataSource;
    this.journal = new Journal(journalDir, properties.journalFileRecords());
    this.capacity = properties.queueCapacity();
    this.queue = new RecordQueue(capacity);
    this.maxQueuedBytes = properties.queueMaxBytes().toBytes();
    this.batchSize = properties.batchSize();
    this.flushMillis = Math.max(1, properties.flushInterval().toMillis());
    this.journalAfterNanos = properties.journalAfter().toNanos();
    this.retryMinMillis = Math.max(1, properties.retryMin().toMillis());
    this.retryMaxMillis = Math.max(retryMinMillis, properties.retryMax().toMillis());
    this.shutdownNanos = properties.shutdownTimeout().toNanos();
    this.logged = counter(meters, "logged", "request log rows written into the database");
    this.retried = counter(meters, "retried", "request log inserts that failed and are retried");
    this.spilled = counter(meters, "spilled", "request log records written to the journal");
    this.replayed =
        counter(meters, "replayed", "request log records replayed from the journal into the db");
    this.dropped = counter(meters, "dropped", "request log records lost (expected 0)");
    Gauge.builder("diamonds.requestlog.queued", queue, RecordQueue::size)
        .description("request log records waiting in memory")
        .strongReference(true)
        .register(meters);
  }

  private static Counter counter(MeterRegistry meters, String name, String description) {
    return Counter.builder("diamonds.requestlog." + name).description(description).register(meters);
  }

  // ---- the request threads' side

  /** Queues a record, or journals it when the queue is full; never blocks on the database. */
  void submit(RequestRecord record) {
    submitting.incrementAndGet();
    try {
      if (accepting) {
        long weight = record.weight();
        if (queuedBytes.addAndGet(weight) <= maxQueuedBytes && queue.offer(record)) {
          return;
        }
        queuedBytes.addAndGet(-weight);
      }
      spill(List.of(record));
    } finally {
      submitting.decrementAndGet();
    }
  }

  private void spill(List<RequestRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    try {
      List<String> lines = new ArrayList<>(records.size());
      for (RequestRecord r : records) {
        lines.add(Journal.line(r));
      }
      journal.append(lines);
      spilled.increment(records.size());
    } catch (IOException | RuntimeException e) {
      dropped.increment(records.size());
      log.error(
          "Request log: LOST {} record(s) (first request id {}): the journal in {} cannot be"
              + " written: {}",
          records.size(),
          records.get(0).requestId(),
          journal.dir(),
          e.toString());
    }
  }

  // ---- lifecycle

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    stopRequested = false;
    accepting = true;
    thread = new Thread(this::run, "request-log-writer");
    thread.setDaemon(true);
    thread.start();
    running = true;
  }

  @Override
  public void stop() {
    Thread writer;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      writer = thread;
    }
    accepting = false;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (submitting.get() > 0 && System.nanoTime() - until < 0) {
      Thread.onSpinWait();
    }
    deadline = System.nanoTime() + shutdownNanos;
    stopRequested = true;
    long waitMillis = TimeUnit.NANOSECONDS.toMillis(shutdownNanos) + 2 * retryMaxMillis + 5000;
    try {
      writer.join(waitMillis);
      if (writer.isAlive()) {
        log.error(
            "Request log: the writer is stuck (a database call that does not return);"
                + " journaling what is queued and leaving it");
        writer.interrupt();
        writer.join(2000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<RequestRecord> rest = new ArrayList<>();
    queue.drainTo(rest);
    spill(rest);
    journal.close();
    if (ownDataSource != null) {
      try {
        ownDataSource.close();
      } catch (Exception e) {
        log.warn("Request log: cannot close the writer's connections: {}", e.toString());
      }
    }
    log.info(
        "Request log: stopped; {} rows written, {} journaled, {} replayed, {} dropped in all{}",
        (long) logged.count(),
        (long) spilled.count(),
        (long) replayed.count(),
        (long) dropped.count(),
        journal.pending()
            ? "; journal files in " + journal.dir() + " wait for the next start"
            : "");
  }

  /** Stops the writer if the context did not (a start that failed half way). */
  public void close() {
    stop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  // ---- the writer thread

  private void run() {
    List<RequestRecord> batch = new ArrayList<>(batchSize);
    while (true) {
      try {
        if (!step(batch)) {
          break;
        }
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException | Error e) {
        log.error("Request log: unexpected error in the writer; going on", e);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(flushMillis));
      }
    }
    // the deadline passed, or the thread was interrupted: the rest waits in the journal
    List<RequestRecord> rest = new ArrayList<>(batch);
    batch.clear();
    queue.drainTo(rest);
    inHand = 0;
    spill(rest);
  }

  /** One turn of the writer; false when it is done (stopping, nothing left it can write). */
  private boolean step(List<RequestRecord> batch) throws InterruptedException {
    boolean stopping = stopRequested;
    long now = System.nanoTime();
    if (stopping && now - deadline > 0) {
      return false;
    }
    if (batch.isEmpty()) {
      RequestRecord first =
          stopping ? queue.poll() : queue.poll(flushMillis, TimeUnit.MILLISECONDS);
      if (first != null) {
        take(first, batch);
        if (!stopping && !backingOff) {
          gather(batch, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis));
        }
      }
    }
    now = System.nanoTime();
    if (outage && now - outageSince >= journalAfterNanos) {
      // a long outage: keep little in memory, a hard kill would lose it
      List<RequestRecord> out = new ArrayList<>(batch);
      batch.clear();
      inHand = 0;
      drainAll(out);
      spill(out);
    }
    if (backingOff && now - retryAt < 0) {
      if (stopping && batch.isEmpty() && queue.isEmpty()) {
        return false; // the database is away; everything else is in the journal already
      }
      if (!batch.isEmpty() || stopping) {
        long pause = Math.min(flushMillis, TimeUnit.NANOSECONDS.toMillis(retryAt - now) + 1);
        Thread.sleep(pause);
      }
      return true;
    }
    if (!batch.isEmpty()) {
      if (write(batch, null) == null) {
        return true;
      }
      batch.clear();
      inHand = 0;
    }
    if (journal.pending() && queue.size() <= capacity / 2) {
      replayOne();
    } else if (stopping && queue.isEmpty()) {
      return false;
    }
    return true;
  }

  private void take(RequestRecord first, List<RequestRecord> batch) {
    batch.add(first);
    queuedBytes.addAndGet(-first.weight());
    moveQueued(batch, batchSize - 1);
    inHand = batch.size();
  }

  /** Adds queued records to the batch until it is full or the deadline passes. */
  private void gather(List<RequestRecord> batch, long deadline) throws InterruptedException {
    while (!stopRequested && batch.size() < batchSize && deadline - System.nanoTime() > 0) {
      queue.awaitAtLeast(batchSize - batch.size(), deadline);
      moveQueued(batch, batchSize - batch.size());
      inHand = batch.size();
    }
  }

  private void drainAll(List<RequestRecord> into) {
    moveQueued(into, Integer.MAX_VALUE);
  }

  /** Moves up to {@code max} queued records into {@code into}, releasing their queued bytes. */
  private void moveQueued(List<RequestRecord> into, int max) {
    int from = into.size();
    queue.drainTo(into, max);
    long weight = 0;
    for (int i = from; i < into.size(); i++) {
      weight += into.get(i).weight();
    }
    queuedBytes.addAndGet(-weight);
  }

  /** Writes records; the result, or null when the database failed (the caller keeps them). */
  private RecordInserter.Result write(List<RequestRecord> records, String journalName) {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      if (vendor == null) {
        vendor = RecordInserter.vendor(c);
      }
      RecordInserter.Result result = RecordInserter.insert(c, vendor, records, journalName);
      logged.increment(result.inserted());
      if (!result.dropped().isEmpty()) {
        dropped.increment(result.dropped().size());
        for (RequestRecord r : result.dropped()) {
          log.error(
              "Request log: LOST the record of request {} ({} {} {}): the database refused it"
                  + " twice",
              r.requestId(),
              r.method(),
              r.path(),
              r.status());
        }
      }
      recovered();
      return result;
    } catch (SQLException | RuntimeException e) {
      // a connection that failed half way is not trusted again
      if (c != null && dataSource instanceof HikariDataSource pool) {
        pool.evictConnection(c);
      }
      failed(e);
      return null;
    } finally {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException e) {
          // already evicted or broken
        }
      }
    }
  }

  private void replayOne() {
    List<Path> files = journal.takeFiles();
    if (files.isEmpty()) {
      return;
    }
    Path file = files.get(0);
    Journal.Contents contents;
    try {
      contents = Journal.read(file);
    } catch (IOException e) {
      log.error("Request log: cannot read the journal file {}; leaving it: {}", file, e.toString());
      journal.abandon(file);
      return;
    }
    RecordInserter.Result result =
        contents.records().isEmpty()
            ? new RecordInserter.Result(0, List.of(), false)
            : write(contents.records(), file.getFileName().toString());
    if (result == null) {
      return;
    }
    if (contents.unreadable() > 0 && !result.alreadyReplayed()) {
      dropped.increment(contents.unreadable());
      log.error(
          "Request log: LOST {} unreadable line(s) of the journal file {} (cut by a hard kill?)",
          contents.unreadable(),
          file);
    }
    replayed.increment(result.inserted());
    journal.replayed(file);
    if (result.inserted() > 0) {
      log.info(
          "Request log: replayed {} record(s) from the journal file {}",
          result.inserted(),
          file.getFileName());
    }
  }

  private void failed(Exception e) {
    retried.increment();
    long now = System.nanoTime();
    if (!outage) {
      outage = true;
      outageSince = now;
      lastWarning = now;
      failuresSinceWarning = 0;
      log.warn(
          "Request log: cannot write to the database ({}); keeping the records and retrying",
          e.toString());
    } else if (now - lastWarning > WARN_EVERY_NANOS) {
      log.warn(
          "Request log: the database is still unavailable after {} s and {} more attempts ({});"
              + " records go to the journal in {}",
          TimeUnit.NANOSECONDS.toSeconds(now - outageSince),
          failuresSinceWarning,
          e.toString(),
          journal.dir());
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

  /**
   * Whether everything submitted so far is in the database (nothing queued, in hand or journaled).
   */
  boolean idle() {
    return queue.isEmpty() && inHand == 0 && !journal.pending();
  }

  Path journalDir() {
    return journal.dir();
  }
}
