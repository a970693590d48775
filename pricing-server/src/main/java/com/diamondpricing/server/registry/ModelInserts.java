package com.diamondpricing.server.registry;

import com.diamondpricing.interval.IntervalJson;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.ProvenanceJson;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.system.Json;
import com.diamondpricing.server.system.SqlTimes;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one {@link Registration} as a {@code model} row, as the next version of its type, in one
 * transaction: the served artifact and its provenance, the evaluation fit apart when it differs,
 * the served ranges and their coverage, the fingerprint.
 */
final class ModelInserts {

  private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  ModelInserts(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** Inserts the registration; {@code find} reads the row back by id. */
  ModelEntry insert(Registration r, java.util.function.LongFunction<Optional<ModelEntry>> find) {
    TrainedModel serving = r.serving();
    Provenance provenance = serving.provenance();
    MetricsView validation = MetricsView.of(provenance.validation());
    Map<Double, Double> coverage = r.testCoverage() != null ? r.testCoverage().overall() : Map.of();
    return tx.execute(
        status -> {
          int version =
              jdbc.sql("select coalesce(max(version), 0) + 1 from model where type = ?")
                  .param(serving.type())
                  .query(Integer.class)
                  .single();
          KeyHolder key = new GeneratedKeyHolder();
          jdbc.sql(
                  "insert into model (type, version, run_id, snapshot_id, created_at,"
                      + " training_seconds, parameters, provenance, test_r2, test_mae, test_rmse,"
                      + " test_mape, validation_metrics, n_train, n_test, libraries, artifact,"
                      + " artifact_media_type, test_coverage_80, test_coverage_90, feature_set,"
                      + " served_rows, evaluation_artifact, calibration, oof_coverage,"
                      + " test_coverage, fingerprint)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?, ?, ?, ?, ?)")
              .params(
                  serving.type(),
                  version,
                  r.runId(),
                  r.snapshotId(),
                  SqlTimes.sql(SqlTimes.now(clock)),
                  r.seconds(),
                  Json.write(provenance.parameters()),
                  ProvenanceJson.write(provenance),
                  r.test().r2(),
                  r.test().mae(),
                  r.test().rmse(),
                  r.test().mape(),
                  validation == null ? null : Json.write(validation),
                  r.nTrain(),
                  r.nTest(),
                  Json.write(provenance.libraries()),
                  serving.artifact(),
                  serving.artifactMediaType(),
                  coverage.get(0.8),
                  coverage.get(0.9),
                  serving.featureSet().label(),
                  r.served() == null ? null : r.served().provenance().trainingRows(),
                  r.served() == null ? null : r.evaluated().artifact(),
                  r.calibration() == null ? null : Json.write(IntervalJson.toMap(r.calibration())),
                  r.outOfFoldCoverage() == null
                      ? null
                      : Json.write(IntervalJson.toMap(r.outOfFoldCoverage())),
                  r.testCoverage() == null
                      ? null
                      : Json.write(IntervalJson.toMap(r.testCoverage())),
                  r.fingerprint())
              .update(key, "id");
          long id = key.getKeyAs(Number.class).longValue();
          log.info(
              "Registered model {} ({} v{}, {}), test MAE {}",
              id,
              serving.type(),
              version,
              serving.featureSet(),
              r.test().mae());
          return find.apply(id).orElseThrow();
        });
  }
}
