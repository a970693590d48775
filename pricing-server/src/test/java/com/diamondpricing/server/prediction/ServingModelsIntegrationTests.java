package com.diamondpricing.server.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.support.SqliteDatabase;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.TrainingRun;
import com.diamondpricing.server.training.Trigger;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Models asked for by id live in a bounded cache: past {@code max-loaded-models} the least recently
 * used one leaves it and is closed, at once when no request holds it, else when the last one is
 * done; the champion is pinned.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.inbox.enabled=false",
      "diamonds.serving.max-loaded-models=3"
    })
@DirtiesContext
class ServingModelsIntegrationTests implements SqliteDatabase {

  @Autowired ServingModels serving;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;

  static final java.util.Set<com.diamondpricing.data.Feature> ALL =
      com.diamondpricing.model.FeatureSet.ALL.features();

  List<Long> models = new ArrayList<>();

  @BeforeEach
  void sixModels() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv"));
    for (int i = 0; i < 6; i++) {
      // six snapshots (the bundled rows less one each): the same data again would train nothing
      List<String> rows = new ArrayList<>(lines);
      rows.remove(1 + i);
      long snapshot =
          datasets
              .ingest(
                  new ByteArrayInputStream(String.join("\n", rows).getBytes()),
                  "diamonds-" + i + ".csv",
                  IngestMode.REPLACE)
              .snapshot()
              .id();
      TrainingRun run =
          pipeline.runNow(
              new TrainingPipeline.RunRequest(snapshot, List.of("linear"), null),
              Trigger.CLI,
              TrainingListener.NONE);
      models.add(run.outcomes().get(0).modelId());
    }
    serving.refresh();
  }

  @Test
  void theLeastRecentlyUsedModelIsClosedOnceNoRequestHoldsIt() {
    long champion = serving.champion().orElseThrow().entry().id();
    List<Long> others = models.stream().filter(id -> id != champion).toList();
    assertThat(others).hasSize(5);

    ServedModel.Lease held = serving.lease(null, others.get(0), ALL);
    ServedModel first = held.served();
    for (long id : others.subList(1, 4)) {
      try (ServedModel.Lease l = serving.lease(null, id, ALL)) {
        assertThat(l.served().entry().id()).isEqualTo(id);
      }
    }
    assertThat(serving.loadedCount()).isEqualTo(3);
    assertThat(first.closed()).as("evicted, but a request still holds it").isFalse();
    assertThat(
            first
                .model()
                .predict(
                    new com.diamondpricing.data.Diamond(
                        1.1,
                        com.diamondpricing.data.Cut.IDEAL,
                        com.diamondpricing.data.Color.H,
                        com.diamondpricing.data.Clarity.SI2,
                        62.0,
                        55.0,
                        6.61,
                        6.65,
                        4.11)))
        .isPositive();
    held.close();
    assertThat(first.closed()).as("closed once released").isTrue();

    ServedModel second;
    try (ServedModel.Lease l = serving.lease(null, others.get(1), ALL)) {
      second = l.served();
    }
    try (ServedModel.Lease l = serving.lease(null, others.get(4), ALL)) {
      assertThat(l.served().entry().id()).isEqualTo(others.get(4));
    }
    try (ServedModel.Lease l = serving.lease(null, others.get(0), ALL)) {
      assertThat(l.served()).as("loaded again").isNotSameAs(first);
    }
    assertThat(serving.loadedCount()).isEqualTo(3);
    assertThat(serving.champion().orElseThrow().closed()).as("the champion is pinned").isFalse();
    assertThat(second.closed()).as("used more recently than the ones that left").isFalse();
  }
}
