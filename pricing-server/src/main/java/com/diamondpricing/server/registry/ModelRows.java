package com.diamondpricing.server.registry;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.interval.CoverageReport;
import com.diamondpricing.interval.IntervalJson;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.ProvenanceJson;
import com.diamondpricing.server.system.Json;
import com.diamondpricing.server.system.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How a {@code model} row reads as a {@link ModelEntry}. */
final class ModelRows {

  static final String COLUMNS =
      "id, type, version, run_id, snapshot_id, created_at, training_seconds, provenance,"
          + " test_r2, test_mae, test_rmse, test_mape, n_train, n_test, artifact_media_type,"
          + " test_coverage_80, test_coverage_90, feature_set, served_rows, calibration,"
          + " oof_coverage, test_coverage, fingerprint,"
          + " case when evaluation_artifact is null then 0 else 1 end as separate_evaluation";

  private ModelRows() {}

  static ModelEntry entry(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    Provenance provenance = provenance(id, rs.getString("provenance"));
    long run = rs.getLong("run_id");
    Long runId = rs.wasNull() ? null : run;
    return new ModelEntry(
        id,
        rs.getString("type"),
        rs.getInt("version"),
        runId,
        rs.getLong("snapshot_id"),
        SqlTimes.instant(rs.getTimestamp("created_at")),
        rs.getDouble("training_seconds"),
        provenance,
        new Metrics(
            rs.getDouble("test_r2"),
            rs.getDouble("test_mae"),
            rs.getDouble("test_rmse"),
            rs.getDouble("test_mape")),
        rs.getInt("n_train"),
        rs.getInt("n_test"),
        rs.getString("artifact_media_type"),
        coverage(rs),
        FeatureSet.of(rs.getString("feature_set")),
        servedRows(rs),
        Optional.ofNullable(calibration(rs.getString("calibration")))
            .orElse(provenance.calibration()),
        report(rs.getString("oof_coverage")),
        report(rs.getString("test_coverage")),
        rs.getInt("separate_evaluation") == 1,
        rs.getString("fingerprint"));
  }

  private static Integer servedRows(ResultSet rs) throws SQLException {
    int n = rs.getInt("served_rows");
    return rs.wasNull() ? null : n;
  }

  /** The stored cross-conformal ranges, else the provenance's (null: the caller reads those). */
  @SuppressWarnings("unchecked")
  private static Calibration calibration(String json) {
    return json == null ? null : IntervalJson.calibration(Json.read(json, Map.class));
  }

  @SuppressWarnings("unchecked")
  private static CoverageReport report(String json) {
    return json == null ? null : IntervalJson.report(Json.read(json, Map.class));
  }

  /** A stored provenance, read with the library's {@link ProvenanceJson}. */
  private static Provenance provenance(long id, String json) {
    try {
      return ProvenanceJson.read(json);
    } catch (ModelLoadException e) {
      throw new IllegalStateException("model " + id + ": " + e.getMessage(), e);
    }
  }

  /** The stored test coverage per interval level; empty for a model without intervals. */
  private static Map<Double, Double> coverage(ResultSet rs) throws SQLException {
    Map<Double, Double> coverage = new LinkedHashMap<>();
    for (double level : Calibration.LEVELS) {
      double v = rs.getDouble("test_coverage_" + Math.round(level * 100));
      if (!rs.wasNull()) {
        coverage.put(level, v);
      }
    }
    return coverage;
  }
}
