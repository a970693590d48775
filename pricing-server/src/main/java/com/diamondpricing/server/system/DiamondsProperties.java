package com.diamondpricing.server.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings ({@code diamonds.*}; every one also comes from the environment, see the
 * README's settings table).
 *
 * @param home the folder for all local state ({@code DIAMONDS_HOME}, default {@code ./var})
 * @param db the database; an empty URL means SQLite at {@code home/diamonds.db}
 * @param training defaults for training runs
 * @param champion how a candidate model is compared with the champion
 * @param inbox the watched folder for fresh CSV files
 * @param schedule an optional cron expression to retrain on the current data
 * @param bootstrap whether an empty registry is filled from the bundled data at start
 */
@ConfigurationProperties("diamonds")
public record DiamondsProperties(
    @DefaultValue("var") Path home,
    @DefaultValue Db db,
    @DefaultValue Training training,
    @DefaultValue Champion champion,
    @DefaultValue Inbox inbox,
    String schedule,
    @DefaultValue("true") boolean bootstrap) {

  /** The embedded database's file in the state folder. */
  public static final String SQLITE_FILE = "diamonds.db";

  /**
   * The database URL: the configured one, or SQLite at {@code home/diamonds.db} in WAL mode.
   * Transactions there begin IMMEDIATE (they take the write lock at once, waiting for it up to the
   * busy timeout): a transaction that reads and then writes while another connection commits (the
   * request log's writer commits all the time) would otherwise fail with SQLITE_BUSY_SNAPSHOT.
   */
  public String databaseUrl() {
    if (db.url() != null && !db.url().isBlank()) {
      return db.url();
    }
    return "jdbc:sqlite:"
        + home.resolve(SQLITE_FILE).toAbsolutePath()
        + "?journal_mode=WAL&busy_timeout=30000&foreign_keys=true&synchronous=NORMAL"
        + "&transaction_mode=IMMEDIATE";
  }

  public boolean sqlite() {
    return databaseUrl().startsWith("jdbc:sqlite:");
  }

  public record Db(
      @DefaultValue("") String url,
      @DefaultValue("") String user,
      @DefaultValue("") String password) {

    /** The password never shows in a log line or an error. */
    @Override
    public String toString() {
      return "Db[url=" + url + ", user=" + user + ", password=" + AdminToken.MARKER + "]";
    }
  }

  /**
   * @param seed the seed of every run
   * @param trials tuning trials for model types that tune
   * @param workers trials at once; 0 = one per core
   * @param maxQueued runs waiting at most; one more is refused (429), the inbox waits
   * @param lease how long a server's hold on a running run lasts without a heartbeat (renewed every
   *     third of it); a run whose lease expired is marked interrupted by any server
   * @param dispatch whether this process takes queued runs (the command line's does not)
   */
  public record Training(
      @DefaultValue("42") long seed,
      @DefaultValue("100") int trials,
      @DefaultValue("0") int workers,
      @DefaultValue("10") int maxQueued,
      @DefaultValue("60s") Duration lease,
      @DefaultValue("true") boolean dispatch) {

    public Training {
      if (maxQueued < 1) {
        throw new IllegalArgumentException("diamonds.training.max-queued must be at least 1");
      }
      if (lease.toMillis() < 3000) {
        throw new IllegalArgumentException("diamonds.training.lease must be at least 3s");
      }
    }
  }

  /**
   * @param metric the test metric a candidate must beat the champion on: mae, rmse, mape (lower is
   *     better) or r2 (higher is better)
   * @param minComparisonRows the fewest rows neither model trained on that a comparison needs; with
   *     fewer, the candidate is not promoted
   */
  public record Champion(
      @DefaultValue("mae") String metric, @DefaultValue("100") int minComparisonRows) {

    public Champion {
      if (minComparisonRows < 1) {
        throw new IllegalArgumentException(
            "diamonds.champion.min-comparison-rows must be at least 1, not " + minComparisonRows);
      }
    }
  }

  /**
   * @param enabled whether the folder is watched (by the web server; the command line never does)
   * @param dir the watched folder; default {@code home/inbox}
   * @param mode {@code replace} or {@code append}: what a dropped file does to the current data
   * @param pollInterval how often the folder is looked at, and how long a file's size must stay the
   *     same before it is taken
   */
  public record Inbox(
      @DefaultValue("true") boolean enabled,
      Path dir,
      @DefaultValue("replace") String mode,
      @DefaultValue("2s") Duration pollInterval) {

    /** The setting that turns the watched folder off. */
    public static final String ENABLED = "diamonds.inbox.enabled";
  }

  /** The inbox folder. */
  public Path inboxDir() {
    return inbox.dir() != null ? inbox.dir() : home.resolve("inbox");
  }
}
