package com.diamondpricing.server.requestlog;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database as the request log's writer thread uses it: each call takes a connection from the
 * pool, and a connection that failed half way is evicted, never trusted again. Inserts and progress
 * reads tell the {@link Outage} how they went; written rows are counted as {@code logged}, rows the
 * database refused twice as {@code dropped} (and logged one by one). The dialect is the one of the
 * database behind the first connection.
 */
final class WriterDatabase {

  private static final Logger log = LoggerFactory.getLogger(WriterDatabase.class);

  private final DataSource dataSource;
  private final Outage outage;
  private final RequestLogMetrics metrics;
  private final Clock clock;
  private RequestLogDialect dialect;

  WriterDatabase(DataSource dataSource, Outage outage, RequestLogMetrics metrics, Clock clock) {
    this.dataSource = dataSource;
    this.outage = outage;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Inserts records and advances their segments' progress in one transaction: how many rows went
   * in, or -1 when the database failed (the caller keeps the records and tries again once the
   * outage's pause is over).
   *
   * @param offsets for each journal segment, the end of its last line now in the database
   */
  int insert(List<RequestRecord> records, Map<String, Long> offsets) {
    return (int)
        attempt(
            c -> {
              if (dialect == null) {
                dialect = RequestLogDialect.of(c);
              }
              RecordInserter.Result result =
                  RecordInserter.insert(c, dialect, records, offsets, clock.instant());
              metrics.logged.increment(result.inserted());
              lost(result.dropped());
              return result.inserted();
            },
            true);
  }

  /**
   * How much of a segment is in the database ({@link SegmentProgress#committedOffset}), or -1 when
   * the database failed.
   */
  long committedOffset(Segment segment) {
    return attempt(c -> SegmentProgress.committedOffset(c, segment.name), true);
  }

  /** Forgets a deleted segment's progress; a failure is harmless (a row naming a file gone). */
  void forget(Segment segment) {
    attempt(
        c -> {
          SegmentProgress.forget(c, segment.name);
          return 0;
        },
        false);
  }

  /** Work on one pooled connection. */
  @FunctionalInterface
  private interface Work {
    long on(Connection c) throws SQLException;
  }

  /**
   * Runs work on a connection from the pool: its result, or -1 when the database failed (the
   * connection is evicted). When {@code watched}, the outage hears how it went.
   */
  private long attempt(Work work, boolean watched) {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      long result = work.on(c);
      if (watched) {
        outage.recovered();
      }
      return result;
    } catch (SQLException | RuntimeException e) {
      evict(c);
      if (watched) {
        outage.failed(e);
      }
      return -1;
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
}
