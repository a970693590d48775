package com.diamondpricing.server.training;

import com.diamondpricing.server.system.Clock;
import com.diamondpricing.server.system.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Training runs in the database: their status, progress, error and outcomes. */
@Repository
class TrainingRunStore {

  private static final String COLUMNS =
      "id, snapshot_id, model_types, trigger_kind, status, options, created_at, started_at,"
          + " finished_at, model_index, model_count, current_model, trial, trials,"
          + " best_validation_mae, error, outcomes";

  private final JdbcClient jdbc;

  TrainingRunStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  TrainingRun create(
      long snapshotId, List<String> types, Trigger trigger, Map<String, Object> options) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into training_run (snapshot_id, model_types, trigger_kind, status, options,"
                + " created_at, model_count) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            snapshotId,
            String.join(",", types),
            trigger.value(),
            RunStatus.QUEUED.value(),
            Json.write(options),
            Clock.sql(Clock.now()),
            types.size())
        .update(key, "id");
    return get(key.getKeyAs(Number.class).longValue());
  }

  void started(long id) {
    jdbc.sql("update training_run set status = ?, started_at = ? where id = ?")
        .params(RunStatus.RUNNING.value(), Clock.sql(Clock.now()), id)
        .update();
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

  void outcomes(long id, List<Map<String, Object>> outcomes) {
    jdbc.sql("update training_run set outcomes = ? where id = ?")
        .params(Json.write(outcomes), id)
        .update();
  }

  void finished(long id, RunStatus status, String error) {
    jdbc.sql("update training_run set status = ?, finished_at = ?, error = ? where id = ?")
        .params(status.value(), Clock.sql(Clock.now()), error, id)
        .update();
  }

  /** Marks runs a crash left running as interrupted; returns how many. */
  int interruptRunning() {
    return jdbc.sql(
            "update training_run set status = ?, finished_at = ?, error = ? where status = ?")
        .params(
            RunStatus.INTERRUPTED.value(),
            Clock.sql(Clock.now()),
            "the server stopped while this run was running",
            RunStatus.RUNNING.value())
        .update();
  }

  List<TrainingRun> queued() {
    return jdbc.sql("select " + COLUMNS + " from training_run where status = ? order by id")
        .param(RunStatus.QUEUED.value())
        .query(TrainingRunStore::run)
        .list();
  }

  Optional<TrainingRun> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from training_run where id = ?")
        .param(id)
        .query(TrainingRunStore::run)
        .optional();
  }

  TrainingRun get(long id) {
    return find(id).orElseThrow(() -> new RunNotFoundException(id));
  }

  List<TrainingRun> list(int limit) {
    return jdbc.sql("select " + COLUMNS + " from training_run order by id desc limit ?")
        .param(limit)
        .query(TrainingRunStore::run)
        .list();
  }

  @SuppressWarnings("unchecked")
  private static TrainingRun run(ResultSet rs, int row) throws SQLException {
    double best = rs.getDouble("best_validation_mae");
    Double bestMae = rs.wasNull() ? null : best;
    return new TrainingRun(
        rs.getLong("id"),
        rs.getLong("snapshot_id"),
        Arrays.asList(rs.getString("model_types").split(",")),
        Trigger.parse(rs.getString("trigger_kind")),
        RunStatus.parse(rs.getString("status")),
        Json.readMap(rs.getString("options")),
        Clock.instant(rs.getTimestamp("created_at")),
        Clock.instant(rs.getTimestamp("started_at")),
        Clock.instant(rs.getTimestamp("finished_at")),
        rs.getInt("model_index"),
        rs.getInt("model_count"),
        rs.getString("current_model"),
        rs.getInt("trial"),
        rs.getInt("trials"),
        bestMae,
        rs.getString("error"),
        (List<Map<String, Object>>) Json.read(rs.getString("outcomes")));
  }
}
