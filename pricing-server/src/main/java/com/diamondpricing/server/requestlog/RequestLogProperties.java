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
 * @param queueCapacity records waiting in memory for the writer, at most (more wait in the journal)
 * @param queueMaxBytes the most memory (bodies and fields, roughly) those records may take
 * @param batchSize records per insert (one JDBC batch, one transaction)
 * @param flushInterval how long the writer gathers a batch before it writes what it has
 * @param retryMin the first pause after a failed insert (doubled after each failure)
 * @param retryMax the longest pause between retries
 * @param shutdownTimeout how long a graceful shutdown keeps writing into the database before it
 *     leaves the rest in the journal
 * @param journalDir where the journal files go; default {@code diamonds.home/request-log}
 * @param journalMaxSize the most disk the journal files may take; past it, records are dropped
 *     (counted, and warned about)
 * @param segmentSize a journal file is closed (and deleted once written) past this size
 * @param segmentAge or past this age
 * @param dbUrl a JDBC URL for the writer's own connections to the same database (another route,
 *     user or pooler); empty: the application's connection pool
 * @param dbUser the user for {@code db-url}; empty: {@code diamonds.db.user}
 * @param dbPassword the password for {@code db-url}; empty: {@code diamonds.db.password}
 * @param retention how long records are kept (a purge runs every {@code purge-interval}); 0: keep
 *     them all
 * @param purgeInterval how often the purge runs when there is a retention
 * @param predictionRetention how long the priced diamonds (table prediction) are kept: longer than
 *     the log, since sales arrive months after the price; 0: keep them all
 * @param maxPageSize the most body text one read of the log returns (it stops before the row that
 *     would pass it, and says where to go on)
 * @param maxRows the most request log rows kept, whatever the retention: past it the oldest are
 *     deleted (a row is about 1 KB on PostgreSQL, up to twice {@code max-body} more for big
 *     bodies); 0: no budget
 * @param maxPredictionRows the most priced diamonds kept (about 330 bytes each on PostgreSQL); 0:
 *     no budget
 * @param budgetCheckInterval how often the tables are counted against their budgets
 * @param budgetWarnAt the share of a budget past which a WARN line says so (before it bites)
 */
@ConfigurationProperties("diamonds.request-log")
public record RequestLogProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("64KB") DataSize maxBody,
    @DefaultValue("10000") int queueCapacity,
    @DefaultValue("32MB") DataSize queueMaxBytes,
    @DefaultValue("500") int batchSize,
    @DefaultValue("100ms") Duration flushInterval,
    @DefaultValue("100ms") Duration retryMin,
    @DefaultValue("5s") Duration retryMax,
    @DefaultValue("10s") Duration shutdownTimeout,
    Path journalDir,
    @DefaultValue("1GB") DataSize journalMaxSize,
    @DefaultValue("16MB") DataSize segmentSize,
    @DefaultValue("10s") Duration segmentAge,
    String dbUrl,
    String dbUser,
    String dbPassword,
    @DefaultValue("90d") Duration retention,
    @DefaultValue("1d") Duration purgeInterval,
    @DefaultValue("4MB") DataSize maxPageSize,
    @DefaultValue("400d") Duration predictionRetention,
    @DefaultValue("10000000") long maxRows,
    @DefaultValue("30000000") long maxPredictionRows,
    @DefaultValue("5m") Duration budgetCheckInterval,
    @DefaultValue("0.9") double budgetWarnAt) {

  public RequestLogProperties {
    require(maxBody.toBytes() >= 0 && maxBody.toBytes() <= Integer.MAX_VALUE / 2, "max-body");
    require(queueCapacity >= 1, "queue-capacity");
    require(queueMaxBytes.toBytes() >= 1, "queue-max-bytes");
    require(batchSize >= 1, "batch-size");
    require(positive(flushInterval), "flush-interval");
    require(positive(retryMin), "retry-min");
    require(retryMax.compareTo(retryMin) >= 0, "retry-max");
    require(!shutdownTimeout.isNegative(), "shutdown-timeout");
    require(journalMaxSize.toBytes() >= 1, "journal-max-size");
    require(segmentSize.toBytes() >= 1, "segment-size");
    require(positive(segmentAge), "segment-age");
    require(retention == null || !retention.isNegative(), "retention");
    require(positive(purgeInterval), "purge-interval");
    require(maxPageSize.toBytes() >= 1024, "max-page-size");
    require(maxRows >= 0, "max-rows");
    require(maxPredictionRows >= 0, "max-prediction-rows");
    require(positive(budgetCheckInterval), "budget-check-interval");
    require(budgetWarnAt > 0 && budgetWarnAt <= 1, "budget-warn-at");
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

  /** The predictions' retention, or null when they are kept for good (0 or unset). */
  Duration keepPredictionsFor() {
    return predictionRetention == null || predictionRetention.isZero() ? null : predictionRetention;
  }

  /** The retention, or null when records are kept for good (0 or unset). */
  Duration keepFor() {
    return retention == null || retention.isZero() ? null : retention;
  }
}
