package com.diamondpricing.server.training;

import com.diamondpricing.server.system.Json;
import com.diamondpricing.server.system.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/** A {@code training_run} row (the store's {@code COLUMNS}) as a {@link TrainingRun}. */
final class TrainingRunRows {

  private TrainingRunRows() {}

  static TrainingRun run(ResultSet rs, int row) throws SQLException {
    double best = rs.getDouble("best_validation_mae");
    Double bestMae = rs.wasNull() ? null : best;
    String error = rs.getString("error");
    String code = rs.getString("error_code");
    return new TrainingRun(
        rs.getLong("id"),
        rs.getLong("snapshot_id"),
        Arrays.asList(rs.getString("model_types").split(",")),
        Trigger.parse(rs.getString("trigger_kind")),
        RunStatus.parse(rs.getString("status")),
        Json.read(rs.getString("options"), RunOptions.class),
        SqlTimes.instant(rs.getTimestamp("created_at")),
        SqlTimes.instant(rs.getTimestamp("started_at")),
        SqlTimes.instant(rs.getTimestamp("finished_at")),
        rs.getInt("model_index"),
        rs.getInt("model_count"),
        rs.getString("current_model"),
        rs.getInt("trial"),
        rs.getInt("trials"),
        bestMae,
        error == null ? null : new RunError(code == null ? RunError.TRAINING_FAILED : code, error),
        Json.readList(rs.getString("outcomes"), RunOutcome.class),
        rs.getString("owner"),
        rs.getString("reason"),
        rs.getObject("retry_of") == null ? null : rs.getLong("retry_of"));
  }
}
