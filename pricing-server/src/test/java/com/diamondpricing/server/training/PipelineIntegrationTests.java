package com.diamondpricing.server.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.dataset.IngestResult;
import com.diamondpricing.server.registry.AliasChange;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pipeline end to end on a real database: ingest, train, register, promote. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"diamonds.bootstrap=false", "diamonds.training.trials=3"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class PipelineIntegrationTests {

  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ModelRegistry registry;
  @Autowired JdbcClient jdbc;

  static byte[] bundled() throws Exception {
    return Files.readAllBytes(Path.of("../data/diamonds.csv"));
  }

  IngestResult ingestBundled() throws Exception {
    return datasets.ingest(new ByteArrayInputStream(bundled()), "diamonds.csv", IngestMode.REPLACE);
  }

  @Test
  @Order(2)
  void anAliasMoveIsACompareAndSetOnTheChampionItReplaces() throws Exception {
    long snapshot = ingestBundled().snapshot().id();
    for (int i = 0; i < 2; i++) {
      // other trial counts: the same data and settings again would train nothing
      pipeline.runNow(
          new TrainingPipeline.RunRequest(snapshot, List.of("linear"), 10 + i),
          Trigger.CLI,
          TrainingListener.NONE);
    }
    List<ModelEntry> models = registry.list();
    long champion = registry.aliasTarget(ModelRegistry.CHAMPION).orElseThrow();
    long other =
        models.stream()
            .mapToLong(ModelEntry::id)
            .filter(id -> id != champion)
            .findFirst()
            .orElseThrow();
    int moves = registry.history(ModelRegistry.CHAMPION).size();

    assertThat(
            registry.moveAlias(ModelRegistry.CHAMPION, other, other, "wrong expectation").moved())
        .as("the champion is not the one expected")
        .isFalse();
    assertThat(
            registry.moveAlias(ModelRegistry.CHAMPION, null, other, "expects no champion").moved())
        .as("an alias exists already (its key is taken)")
        .isFalse();
    assertThat(registry.aliasTarget(ModelRegistry.CHAMPION)).contains(champion);
    assertThat(registry.history(ModelRegistry.CHAMPION)).hasSize(moves);

    assertThat(registry.moveAlias(ModelRegistry.CHAMPION, champion, other, "expected").moved())
        .isTrue();
    assertThat(registry.moveAlias(ModelRegistry.CHAMPION, other, champion, "and back").moved())
        .isTrue();
    List<com.diamondpricing.server.registry.AliasChange> history =
        registry.history(ModelRegistry.CHAMPION);
    assertThat(history.get(history.size() - 1).fromModelId()).isEqualTo(other);
    assertThat(history.get(history.size() - 2).fromModelId()).isEqualTo(champion);
  }

  @Test
  @Order(1) // expects an empty registry: runs before the other tests of the suite
  void aRunTrainsRegistersAndPromotesOnlyABetterModel() throws Exception {
    IngestResult ingest = ingestBundled();
    assertThat(ingest.snapshot().rowsKept()).isEqualTo(4989);

    TrainingRun first =
        pipeline.runNow(
            new TrainingPipeline.RunRequest(ingest.snapshot().id(), List.of("linear"), null),
            Trigger.CLI,
            TrainingListener.NONE);
    assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
    ModelEntry linear = registry.champion().orElseThrow();
    assertThat(linear.type()).isEqualTo("linear");
    assertThat(linear.version()).isEqualTo(1);
    assertThat(linear.test().mae()).isBetween(561.5413, 561.5415);
    assertThat(linear.nTrain()).isEqualTo(3991);
    assertThat(linear.nTest()).isEqualTo(998);

    TrainingRun again =
        pipeline.runNow(
            new TrainingPipeline.RunRequest(ingest.snapshot().id(), List.of("linear"), null),
            Trigger.CLI,
            TrainingListener.NONE);
    assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(again.outcomes())
        .as("the same data with the same settings registers no second identical model")
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.existing()).isTrue();
              assertThat(o.promoted()).isFalse();
              assertThat(o.modelId()).isEqualTo(linear.id());
              assertThat(o.version()).isEqualTo(1);
              assertThat(o.reason()).contains("nothing was trained");
            });
    assertThat(registry.list()).hasSize(1);
    assertThat(registry.champion().orElseThrow().id()).isEqualTo(linear.id());
    assertThat(linear.servedRows()).as("served: refitted on every row").isEqualTo(4989);
    assertThat(linear.separateEvaluation()).isTrue();
    assertThat(linear.calibration().crossConformal()).isTrue();
    assertThat(linear.outOfFoldCoverage().rows()).isEqualTo(4989);
    assertThat(linear.testCoverageReport().rows()).isEqualTo(998);

    TrainingRun xgb =
        pipeline.runNow(
            new TrainingPipeline.RunRequest(ingest.snapshot().id(), List.of("xgboost"), 3),
            Trigger.API,
            TrainingListener.NONE);
    assertThat(xgb.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(xgb.trials()).isEqualTo(3);
    ModelEntry champion = registry.champion().orElseThrow();
    assertThat(champion.type()).isEqualTo("xgboost");
    assertThat(champion.provenance().trials()).hasSize(3);
    assertThat(xgb.modelCount()).as("every feature, and the four Cs").isEqualTo(2);
    assertThat(xgb.outcomes()).extracting(RunOutcome::featureSet).containsExactly("all", "four-cs");
    ModelEntry fourCs = registry.champion(FeatureSet.FOUR_CS).orElseThrow();
    assertThat(fourCs.type()).isEqualTo("xgboost");
    assertThat(fourCs.featureSet()).isEqualTo(FeatureSet.FOUR_CS);
    assertThat(registry.history(ModelRegistry.championAlias(FeatureSet.FOUR_CS)))
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).contains("first model of four-cs features"));

    List<AliasChange> history = registry.history(ModelRegistry.CHAMPION);
    assertThat(history).hasSize(2);
    assertThat(history.get(0).fromModelId()).isNull();
    assertThat(history.get(1).fromModelId()).isEqualTo(linear.id());
    assertThat(history.get(1).reason())
        .contains("beats")
        .contains("on 997 rows neither model trained on (the candidate's 998 test rows less 1");
    assertThat(registry.load(champion.id()).predict(datasets.rows(1).diamond(0))).isPositive();
  }

  @Test
  void identicalContentReusesTheSnapshotAndAppendingAddsRows() throws Exception {
    IngestResult a = ingestBundled();
    IngestResult b = ingestBundled();
    assertThat(b.reused()).isTrue();
    assertThat(b.snapshot().id()).isEqualTo(a.snapshot().id());
    String more =
        "carat,cut,color,clarity,depth,table,price,x,y,z\n"
            + "0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n";
    IngestResult appended =
        datasets.ingest(new ByteArrayInputStream(more.getBytes()), "more.csv", IngestMode.APPEND);
    assertThat(appended.snapshot().rowsKept()).isEqualTo(4990);
    assertThat(appended.snapshot().parentId()).isEqualTo(a.snapshot().id());
    assertThat(datasets.current().orElseThrow().id()).isEqualTo(appended.snapshot().id());
  }

  abstract class RefusalTests {

    @Test
    void registryEntriesCannotBeModified() throws Exception {
      IngestResult ingest = ingestBundled();
      pipeline.runNow(
          new TrainingPipeline.RunRequest(ingest.snapshot().id(), List.of("linear"), null),
          Trigger.CLI,
          TrainingListener.NONE);
      long id = registry.list().get(0).id();
      assertThatThrownBy(
              () -> jdbc.sql("update model set test_mae = 0 where id = ?").param(id).update())
          .hasMessageContaining("never");
    }

    @Test
    void anUnknownModelTypeIsRefusedBeforeAnythingIsQueued() throws Exception {
      IngestResult ingest = ingestBundled();
      int before = pipeline.list(100).size();
      assertThatThrownBy(
              () ->
                  pipeline.submit(
                      new TrainingPipeline.RunRequest(
                          ingest.snapshot().id(), List.of("forest"), null),
                      Trigger.API))
          .hasMessageContaining("allowed values");
      assertThat(pipeline.list(100)).hasSize(before);
    }
  }
}
