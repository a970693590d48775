package com.diamondpricing.server.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.diamondpricing.data.Feature;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.Trainer;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.TrainingOptions;
import com.diamondpricing.model.linear.LinearModelType;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.system.SqlTimes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * A training run whose model throws ends {@code failed} with the error stored; models the run
 * registered before stay registered and the champion stays. A run a crash left {@code running} is
 * marked {@code interrupted} at recovery.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"diamonds.bootstrap=false", "diamonds.inbox.enabled=false"})
@Import(FailingRunIntegrationTests.FailingTypes.class)
abstract class FailingRunIntegrationTests {

  static final String FAILURE = "fit failed on purpose (test model type)";

  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ModelRegistry registry;
  @Autowired ModelTypes types;
  @Autowired JdbcClient jdbc;

  /**
   * Only the linear model type and one that always throws while fitting, for this suite only (a
   * services file on the test class path would add the failing type to every suite). Imported
   * rather than annotated as a nested configuration, which Spring would also try to use as the
   * concrete suites' default configuration.
   */
  static class FailingTypes {
    @Bean
    @Primary
    ModelTypes failingModelTypes() {
      return ModelTypes.of(
          new LinearModelType(), new FailingModelType(), new UnloadableModelType());
    }
  }

  /** A model type whose fit always throws. */
  static final class FailingModelType implements ModelType {

    static final String NAME = "failing";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "Throws while fitting (tests only)";
    }

    @Override
    public Set<Feature> features() {
      return EnumSet.of(Feature.CARAT, Feature.CUT, Feature.COLOR, Feature.CLARITY);
    }

    @Override
    public Set<Feature> requiredFeatures() {
      return features();
    }

    @Override
    public Trainer trainer(TrainingOptions options) {
      return train -> {
        throw new IllegalStateException(FAILURE);
      };
    }

    @Override
    public TrainedModel load(byte[] artifact) throws ModelLoadException {
      throw new ModelLoadException("a failing model is never stored");
    }
  }

  /**
   * A model type that trains (a linear model under another name) but whose stored artifact never
   * loads: the registry holds it, nothing can serve or re-score it.
   */
  static final class UnloadableModelType implements ModelType {

    static final String NAME = "unloadable";
    private final LinearModelType linear = new LinearModelType();

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "Trains, but its artifact never loads (tests only)";
    }

    @Override
    public Set<Feature> features() {
      return linear.features();
    }

    @Override
    public Set<Feature> requiredFeatures() {
      return linear.requiredFeatures();
    }

    @Override
    public Trainer trainer(TrainingOptions options) {
      Trainer fit = linear.trainer(options);
      return train -> {
        TrainedModel m = fit.fit(train);
        return new TrainedModel() {
          @Override
          public String type() {
            return NAME;
          }

          @Override
          public double predict(com.diamondpricing.data.Diamond diamond) {
            return m.predict(diamond);
          }

          @Override
          public double[] predict(List<com.diamondpricing.data.Diamond> diamonds) {
            return m.predict(diamonds);
          }

          @Override
          public double[] predict(com.diamondpricing.data.Dataset rows) {
            return m.predict(rows);
          }

          @Override
          public com.diamondpricing.model.Provenance provenance() {
            return m.provenance();
          }

          @Override
          public byte[] artifact() {
            return m.artifact();
          }
        };
      };
    }

    @Override
    public TrainedModel load(byte[] artifact) throws ModelLoadException {
      throw new ModelLoadException("this artifact never loads (test type)");
    }
  }

  long snapshot;

  /**
   * Trial counts that make each run of a test a training of its own: the same data with the same
   * settings would train nothing and report the model registered before.
   */
  static final java.util.concurrent.atomic.AtomicInteger FRESH =
      new java.util.concurrent.atomic.AtomicInteger(1);

  /** The bundled data with a linear champion trained on it, once per database. */
  @BeforeEach
  void champion() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("../data/diamonds.csv"))) {
      snapshot = datasets.ingest(in, "diamonds.csv", IngestMode.REPLACE).snapshot().id();
    }
    if (registry.champion().isEmpty()) {
      TrainingRun run =
          pipeline.runNow(
              new TrainingPipeline.RunRequest(snapshot, List.of("linear"), null),
              Trigger.CLI,
              TrainingListener.NONE);
      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    }
  }

  @Test
  void theTestTypesReplaceTheDiscoveredOnes() {
    assertThat(types.names())
        .containsExactly(FailingModelType.NAME, LinearModelType.NAME, UnloadableModelType.NAME);
  }

  @Test
  void aModelThatThrowsFailsTheRunAndTheModelsBeforeItStay() {
    ModelEntry champion = registry.champion().orElseThrow();

    TrainingRun run =
        pipeline.runNow(
            new TrainingPipeline.RunRequest(
                snapshot,
                List.of(LinearModelType.NAME, FailingModelType.NAME),
                FRESH.incrementAndGet()),
            Trigger.API,
            TrainingListener.NONE);

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error().message()).contains(FAILURE);
    assertThat(run.error().code()).isEqualTo(RunError.TRAINING_FAILED);
    assertThat(run.finishedAt()).isNotNull();
    assertThat(run.modelIndex()).isEqualTo(2);
    assertThat(run.currentModel()).isEqualTo(FailingModelType.NAME);
    assertThat(pipeline.get(run.id()).error()).isEqualTo(run.error());

    List<ModelEntry> fromRun =
        registry.list().stream().filter(m -> Long.valueOf(run.id()).equals(m.runId())).toList();
    assertThat(fromRun)
        .singleElement()
        .satisfies(m -> assertThat(m.type()).isEqualTo(LinearModelType.NAME));
    assertThat(run.outcomes())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.type()).isEqualTo(LinearModelType.NAME);
              assertThat(o.modelId()).isEqualTo(fromRun.get(0).id());
            });
    assertThat(registry.list()).noneMatch(m -> m.type().equals(FailingModelType.NAME));
    assertThat(registry.champion().orElseThrow().id()).isEqualTo(champion.id());
  }

  @Test
  void aQueuedRunThatThrowsFailsInTheBackgroundAndTheNextRunStillRuns() {
    ModelEntry champion = registry.champion().orElseThrow();

    TrainingRun failing =
        pipeline.submit(
            new TrainingPipeline.RunRequest(snapshot, List.of(FailingModelType.NAME), null),
            Trigger.INBOX);
    TrainingRun next =
        pipeline.submit(
            new TrainingPipeline.RunRequest(snapshot, List.of(LinearModelType.NAME), null),
            Trigger.INBOX);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pipeline.get(next.id()).finishedAt() != null);
    assertThat(pipeline.get(failing.id()).status()).isEqualTo(RunStatus.FAILED);
    assertThat(pipeline.get(failing.id()).error().message()).contains(FAILURE);
    assertThat(pipeline.get(next.id()).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(registry.champion().orElseThrow().id()).isEqualTo(champion.id());
  }

  @Test
  void aRunLeftRunningIsInterruptedAtRecovery() {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into training_run (snapshot_id, model_types, trigger_kind, status, options,"
                + " created_at, started_at, model_index, model_count, current_model)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            snapshot,
            "linear",
            Trigger.API.value(),
            RunStatus.RUNNING.value(),
            "{\"seed\": 42, \"trials\": 1, \"workers\": 0}",
            SqlTimes.sql(SqlTimes.now(Clock.systemUTC())),
            SqlTimes.sql(SqlTimes.now(Clock.systemUTC())),
            1,
            1,
            "linear")
        .update(key, "id");
    long id = key.getKeyAs(Number.class).longValue();
    assertThat(pipeline.get(id).status()).isEqualTo(RunStatus.RUNNING);

    pipeline.recover();

    TrainingRun recovered = pipeline.get(id);
    assertThat(recovered.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(recovered.error().message()).contains("stopped while this run was running");
    assertThat(recovered.error().code()).isEqualTo(RunError.INTERRUPTED);
    assertThat(recovered.finishedAt()).isNotNull();
  }

  @Test
  void aCandidateThatCannotBeLoadedBackIsNotPromoted() {
    ModelEntry champion = registry.champion().orElseThrow();
    TrainingRun run =
        pipeline.runNow(
            new TrainingPipeline.RunRequest(
                snapshot, List.of(UnloadableModelType.NAME), FRESH.incrementAndGet()),
            Trigger.API,
            TrainingListener.NONE);
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.outcomes().get(0).promoted()).isFalse();
    assertThat(run.outcomes().get(0).reason())
        .contains("cannot be loaded from the registry and re-scored");
    assertThat(registry.champion().orElseThrow().id()).isEqualTo(champion.id());
  }

  @Test
  void aChampionThatCannotBeReScoredKeepsItsPlace() {
    ModelEntry linear = registry.champion().orElseThrow();
    TrainingRun unloadable =
        pipeline.runNow(
            new TrainingPipeline.RunRequest(
                snapshot, List.of(UnloadableModelType.NAME), FRESH.incrementAndGet()),
            Trigger.API,
            TrainingListener.NONE);
    long broken = unloadable.outcomes().get(0).modelId();
    registry.moveAlias(ModelRegistry.CHAMPION, broken, "a broken champion, by hand");
    try {
      TrainingRun run =
          pipeline.runNow(
              new TrainingPipeline.RunRequest(
                  snapshot, List.of(LinearModelType.NAME), FRESH.incrementAndGet()),
              Trigger.API,
              TrainingListener.NONE);
      assertThat(run.outcomes().get(0).promoted()).isFalse();
      assertThat(run.outcomes().get(0).reason())
          .contains("champion " + broken)
          .contains("cannot be loaded from the registry and re-scored");
      assertThat(registry.champion().orElseThrow().id()).isEqualTo(broken);
    } finally {
      registry.moveAlias(ModelRegistry.CHAMPION, linear.id(), "back to the linear champion");
    }
  }
}
