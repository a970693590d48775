package com.diamondpricing.server.requestlog;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The request log's settings ({@code diamonds.request-log.*}; see {@code docs/request-log.md}).
 *
 * @param enabled whether requests are recorded (the filter and the writer thread); reading the log
 *     works either way
 * @param maxBody the most of each body that is stored; longer bodies are cut and flagged
 * @param queueCapacity records waiting in memory for the writer, at most
 * @param queueMaxBytes the most memory (bodies and fields, roughly) those records may take
 * @param batchSize records per insert (one JDBC batch, one transaction)
 * @param flushInterval how long the writer waits for more records when the queue is empty
 * @param journalAfter how long a database outage may last before the writer moves the waiting
 *     records to the journal (so that a hard kill during an outage loses little)
 * @param retryMin the first pause after a failed insert (doubled after each failure)
 * @param retryMax the longest pause between retries
 * @param shutdownTimeout how long a graceful shutdown keeps trying the database before it writes
 *     the rest to the journal
 * @param journalDir where the journal files go; default {@code diamonds.home/request-log}
 * @param journalFileRecords records per journal file, at most (one file is replayed in one
 *     transaction)
 * @param dbUrl a JDBC URL for the writer's own connections to the same database (another route,
 *     user or pooler); empty: the application's connection pool
 * @param dbUser the user for {@code db-url}; empty: {@code diamonds.db.user}
 * @param dbPassword the password for {@code db-url}; empty: {@code diamonds.db.password}
 * @param retention how long records are kept (a purge runs every {@code purge-interval}); empty:
 *     forever
 * @param purgeInterval how often the purge runs when there is a retention
 */
@ConfigurationProperties("diamonds.request-log")
public record RequestLogProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("64KB") DataSize maxBody,
    @DefaultValue("10000") int queueCapacity,
    @DefaultValue("32MB") DataSize queueMaxBytes,
    @DefaultValue("500") int batchSize,
    @DefaultValue("100ms") Duration flushInterval,
    @DefaultValue("1s") Duration journalAfter,
    @DefaultValue("100ms") Duration retryMin,
    @DefaultValue("5s") Duration retryMax,
    @DefaultValue("10s") Duration shutdownTimeout,
    Path journalDir,
    @DefaultValue("1000") int journalFileRecords,
    String dbUrl,
    String dbUser,
    String dbPassword,
    Duration retention,
    @DefaultValue("1d") Duration purgeInterval) {

  public RequestLogProperties {
    require(maxBody.toBytes() >= 0 && maxBody.toBytes() <= Integer.MAX_VALUE / 2, "max-body");
    require(queueCapacity >= 1, "queue-capacity");
    require(queueMaxBytes.toBytes() >= 1, "queue-max-bytes");
    require(batchSize >= 1, "batch-size");
    require(positive(flushInterval), "flush-interval");
    require(!journalAfter.isNegative(), "journal-after");
    require(positive(retryMin), "retry-min");
    require(retryMax.compareTo(retryMin) >= 0, "retry-max");
    require(!shutdownTimeout.isNegative(), "shutdown-timeout");
    require(journalFileRecords >= 1, "journal-file-records");
    require(retention == null || positive(retention), "retention");
    require(positive(purgeInterval), "purge-interval");
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static void require(boolean ok, String name) {
    if (!ok) {
      throw new IllegalArgumentException("diamonds.request-log." + name + " is out of range");
    }
  }

  /** The journal folder. */
  Path journalDir(Path home) {
    return journalDir != null ? journalDir : home.resolve("request-log");
  }

  /** Whether the writer has connections of its own. */
  boolean ownConnections() {
    return dbUrl != null && !dbUrl.isBlank();
  }
}
