package com.diamondpricing.server.training;

import com.diamondpricing.server.system.DiamondsProperties;
import com.diamondpricing.server.system.Json;
import com.diamondpricing.server.system.SqlTimes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Training runs in the database: their status, owner and lease, progress, error and outcomes. A run
 * goes from queued to running by a compare-and-set that names its owner, so of several servers
 * sharing the database exactly one takes it.
 */
@Repository
class TrainingRunStore {

  private static final String COLUMNS =
      "id, snapshot_id, model_types, trigger_kind, status, options, created_at, started_at,"
          + " finished_at, model_index, model_count, current_model, trial, trials,"
          + " best_validation_mae, error, error_code, outcomes, owner, reason, retry_of";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final boolean sqlite;
  private final Clock clock;

  TrainingRunStore(
      JdbcClient jdbc, TransactionTemplate tx, DiamondsProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.sqlite = properties.sqlite();
    this.clock = clock;
  }

  /**
   * The time leases are measured in: the database's clock on PostgreSQL, which servers on several
   * machines share (their own clocks may differ by more than a lease); the injected clock on
   * SQLite.
   */
  Instant now() {
    if (sqlite) {
      return SqlTimes.now(clock);
    }
    return jdbc.sql("select current_timestamp")
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .single()
        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /**
   * Records a queued run unless {@code maxQueued} runs are queued already (then empty). The count
   * and the insert are one transaction (on SQLite nothing runs beside it; on PostgreSQL servers
   * queuing at the very same moment may each pass the count).
   */
  Optional<TrainingRun> createQueued(
      long snapshotId,
      List<String> types,
      int models,
      Trigger trigger,
      RunOptions options,
      int maxQueued,
      String reason) {
    Long id =
        tx.execute(
            status -> {
              if (queuedCount() >= maxQueued) {
                return null;
              }
              return insert(
                  snapshotId,
                  types,
                  models,
                  trigger,
                  options,
                  RunStatus.QUEUED,
                  null,
                  null,
                  reason,
                  null);
            });
    return id == null ? Optional.empty() : Optional.of(get(id));
  }

  /** Records a run already taken by {@code owner} (it runs on the caller's thread). */
  TrainingRun createRunning(
      long snapshotId,
      List<String> types,
      int models,
      Trigger trigger,
      RunOptions options,
      String owner,
      Instant leaseUntil) {
    return get(
        insert(
            snapshotId,
            types,
            models,
            trigger,
            options,
            RunStatus.RUNNING,
            owner,
            leaseUntil,
            null,
            null));
  }

  private long insert(
      long snapshotId,
      List<String> types,
      int models,
      Trigger trigger,
      RunOptions options,
      RunStatus status,
      String owner,
      Instant leaseUntil,
      String reason,
      Long retryOf) {
    KeyHolder key = new GeneratedKeyHolder();
    Instant now = SqlTimes.now(clock);
    jdbc.sql(
            "insert into training_run (snapshot_id, model_types, trigger_kind, status, options,"
                + " created_at, started_at, model_count, owner, lease_until, reason, retry_of)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            snapshotId,
            String.join(",", types),
            trigger.value(),
            status.value(),
            Json.write(options),
            SqlTimes.sql(now),
            status == RunStatus.RUNNING ? SqlTimes.sql(now) : null,
            models,
            owner,
            SqlTimes.sql(leaseUntil),
            reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500),
            retryOf)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  /** How many runs of this trigger are queued or running. */
  int activeCount(Trigger trigger) {
    return jdbc.sql("select count(*) from training_run where trigger_kind = ? and status in (?, ?)")
        .params(trigger.value(), RunStatus.QUEUED.value(), RunStatus.RUNNING.value())
        .query(Integer.class)
        .single();
  }

  int queuedCount() {
    return jdbc.sql("select count(*) from training_run where status = ?")
        .param(RunStatus.QUEUED.value())
        .query(Integer.class)
        .single();
  }

  /** Takes the oldest queued run for {@code owner}: the run, or empty when none is left. */
  Optional<TrainingRun> claimNext(String owner, Instant leaseUntil) {
    List<Long> candidates =
        jdbc.sql("select id from training_run where status = ? order by id limit 10")
            .param(RunStatus.QUEUED.value())
            .query(Long.class)
            .list();
    for (long id : candidates) {
      int taken =
          jdbc.sql(
                  "update training_run set status = ?, owner = ?, lease_until = ?, started_at = ?"
                      + " where id = ? and status = ?")
              .params(
                  RunStatus.RUNNING.value(),
                  owner,
                  SqlTimes.sql(leaseUntil),
                  SqlTimes.sql(SqlTimes.now(clock)),
                  id,
                  RunStatus.QUEUED.value())
              .update();
      if (taken == 1) {
        return Optional.of(get(id));
      }
    }
    return Optional.empty();
  }

  /** Renews the owner's lease; false when the run is no longer its (interrupted by another). */
  boolean heartbeat(long id, String owner, Instant leaseUntil) {
    return jdbc.sql(
                "update training_run set lease_until = ? where id = ? and owner = ? and status = ?")
            .params(SqlTimes.sql(leaseUntil), id, owner, RunStatus.RUNNING.value())
            .update()
        == 1;
  }

  void modelStarted(long id, int index, String type) {
    jdbc.sql(
            "update training_run set model_index = ?, current_model = ?, trial = 0, trials = 0,"
                + " best_validation_mae = null where id = ?")
        .params(index, type, id)
        .update();
  }

  void progress(long id, int trial, int trials, Double bestValidationMae) {
    jdbc.sql("update training_run set trial = ?, trials = ?, best_validation_mae = ? where id = ?")
        .params(trial, trials, bestValidationMae, id)
        .update();
  }

  void outcomes(long id, List<RunOutcome> outcomes) {
    jdbc.sql("update training_run set outcomes = ? where id = ?")
        .params(Json.write(outcomes), id)
        .update();
  }

  /** Ends the owner's run; false when it was no longer the owner's. */
  boolean finished(long id, String owner, RunStatus status, RunError error) {
    return jdbc.sql(
                "update training_run set status = ?, finished_at = ?, error = ?, error_code = ?,"
                    + " lease_until = null where id = ? and owner = ? and status = ?")
            .params(
                status.value(),
                SqlTimes.sql(SqlTimes.now(clock)),
                error == null ? null : error.message(),
                error == null ? null : error.code(),
                id,
                owner,
                RunStatus.RUNNING.value())
            .update()
        == 1;
  }

  /** The runs marked running (by any server), for the recovery to judge. */
  List<TrainingRun> running() {
    return jdbc.sql("select " + COLUMNS + " from training_run where status = ? order by id")
        .param(RunStatus.RUNNING.value())
        .query(TrainingRunRows::run)
        .list();
  }

  /**
   * Marks {@code run} interrupted if it still runs for its owner (with a lease ended before {@code
   * leaseBefore}, if given), and with {@code retryReason} queues in the same transaction a new run
   * of it ({@code retry_of}): the retry's id, 0 for none, empty when the run had moved meanwhile.
   */
  Optional<Long> interrupt(
      TrainingRun run, Instant leaseBefore, RunError error, String retryReason) {
    List<Object> params =
        new ArrayList<>(
            List.of(
                RunStatus.INTERRUPTED.value(),
                SqlTimes.sql(SqlTimes.now(clock)),
                error.message(),
                error.code(),
                run.id(),
                RunStatus.RUNNING.value(),
                run.owner() == null ? "" : run.owner()));
    if (leaseBefore != null) {
      params.add(SqlTimes.sql(leaseBefore));
    }
    return Optional.ofNullable(
        tx.execute(
            status -> {
              int marked =
                  jdbc.sql(
                          "update training_run set status = ?, finished_at = ?, error = ?,"
                              + " error_code = ?, lease_until = null where id = ? and status = ?"
                              + " and coalesce(owner, '') = ?"
                              + (leaseBefore == null
                                  ? ""
                                  : " and (lease_until is null or lease_until < ?)"))
                      .params(params)
                      .update();
              if (marked != 1) {
                return null;
              }
              if (retryReason == null) {
                return 0L;
              }
              long retry =
                  insert(
                      run.snapshotId(),
                      run.modelTypes(),
                      run.modelCount(),
                      run.trigger(),
                      run.options(),
                      RunStatus.QUEUED,
                      null,
                      null,
                      retryReason,
                      run.id());
              jdbc.sql("update training_run set error = ? where id = ?")
                  .params(
                      RunError.interrupted(error.message() + "; run " + retry + " runs it again")
                          .message(),
                      run.id())
                  .update();
              return retry;
            }));
  }

  Optional<TrainingRun> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from training_run where id = ?")
        .param(id)
        .query(TrainingRunRows::run)
        .optional();
  }

  TrainingRun get(long id) {
    return find(id).orElseThrow(() -> new RunNotFoundProblem(id));
  }

  List<TrainingRun> list(int limit) {
    return jdbc.sql("select " + COLUMNS + " from training_run order by id desc limit ?")
        .param(limit)
        .query(TrainingRunRows::run)
        .list();
  }
}
