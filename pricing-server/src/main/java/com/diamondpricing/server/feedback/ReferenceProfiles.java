package com.diamondpricing.server.feedback;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.EvaluationFits;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistered;
import com.diamondpricing.server.system.Json;
import com.diamondpricing.server.system.SqlTimes;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each model's {@link ReferenceProfile}, stored in {@code model_reference} when the model is
 * registered ({@link ModelRegistered}), or the first time drift needs it for a model registered
 * before profiles existed. Profiling reads at most {@value #MAX_ROWS} training rows (spread
 * evenly).
 */
@Component
class ReferenceProfiles {

  private static final Logger log = LoggerFactory.getLogger(ReferenceProfiles.class);
  static final int MAX_ROWS = 100_000;

  private final JdbcClient jdbc;
  private final DatasetStore datasets;
  private final EvaluationFits evaluationFits;
  private final Clock clock;

  ReferenceProfiles(
      JdbcClient jdbc, DatasetStore datasets, EvaluationFits evaluationFits, Clock clock) {
    this.jdbc = jdbc;
    this.datasets = datasets;
    this.evaluationFits = evaluationFits;
    this.clock = clock;
  }

  @EventListener
  void registered(ModelRegistered event) {
    try {
      TrainedModel fit = event.evaluation();
      store(event.entry(), profile(event.entry(), fit::predict));
    } catch (RuntimeException e) {
      log.warn(
          "No reference profile for model {} yet (drift computes it when asked): {}",
          event.entry().id(),
          e.toString());
    }
  }

  /** The model's profile; empty when its snapshot is no longer stored. */
  Optional<ReferenceProfile> of(ModelEntry model) {
    Optional<ReferenceProfile> stored =
        jdbc.sql("select profile from model_reference where model_id = ?")
            .param(model.id())
            .query(String.class)
            .optional()
            .map(json -> Json.read(json, ReferenceProfile.class));
    if (stored.isPresent()) {
      return stored;
    }
    if (datasets.find(model.snapshotId()).isEmpty()) {
      return Optional.empty();
    }
    ReferenceProfile profile = profile(model, rows -> evaluationFits.predict(model, rows));
    store(model, profile);
    return Optional.of(profile);
  }

  /**
   * The profile of the model's training part and of its evaluation fit's predictions (the test
   * rows' residuals must come from a fit that did not see them).
   */
  private ReferenceProfile profile(
      ModelEntry entry, java.util.function.Function<Dataset, double[]> evaluationFit) {
    Dataset all = datasets.rows(entry.snapshotId());
    TrainTestSplit split = TrainTestSplit.notebook(all.size());
    int[] train = split.train();
    if (train.length > MAX_ROWS) {
      int[] all0 = train;
      train =
          IntStream.range(0, MAX_ROWS)
              .map(i -> all0[(int) ((long) i * all0.length / MAX_ROWS)])
              .toArray();
    }
    Dataset trainRows = all.rows(train);
    Dataset testRows = all.rows(split.test());
    return ReferenceProfile.of(
        trainRows,
        evaluationFit.apply(trainRows),
        testRows.prices(),
        evaluationFit.apply(testRows));
  }

  private void store(ModelEntry model, ReferenceProfile profile) {
    jdbc.sql(
            "insert into model_reference (model_id, profile, created_at) values (?, ?, ?)"
                + " on conflict (model_id) do nothing")
        .params(model.id(), Json.write(profile), SqlTimes.sql(SqlTimes.now(clock)))
        .update();
  }
}
