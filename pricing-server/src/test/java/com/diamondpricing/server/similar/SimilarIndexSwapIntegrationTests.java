package com.diamondpricing.server.similar;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.Trigger;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The similar-diamonds index follows the champion's snapshot, built before the swap. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"diamonds.bootstrap=false", "diamonds.serving.poll-interval=1h"})
abstract class SimilarIndexSwapIntegrationTests {

  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired ModelRegistry registry;
  @Autowired SimilarDiamonds similar;

  @Test
  void aChampionFromAnotherSnapshotServesWithItsIndexAlreadyBuilt() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
    ModelEntry first = serving.champion().orElseThrow().entry();
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv"));
    byte[] part = String.join("\n", lines.subList(0, 1201)).getBytes(StandardCharsets.UTF_8);
    long snapshot =
        datasets
            .ingest(new ByteArrayInputStream(part), "part.csv", IngestMode.REPLACE)
            .snapshot()
            .id();
    assertThat(snapshot).isNotEqualTo(first.snapshotId());
    pipeline.runNow(
        new TrainingPipeline.RunRequest(snapshot, List.of("linear"), null),
        Trigger.CLI,
        TrainingListener.NONE);
    ModelEntry second =
        registry.list().stream().filter(m -> m.snapshotId() == snapshot).findFirst().orElseThrow();
    try {
      registry.moveAlias(ModelRegistry.CHAMPION, second.id(), "test: another snapshot");
      serving.refresh();
      assertThat(serving.champion().orElseThrow().entry().id()).isEqualTo(second.id());
      assertThat(similar.indexedSnapshot()).hasValue(snapshot);
      SimilarDiamonds.Found found = similar.nearest(1.1, Cut.IDEAL, Color.H, Clarity.SI2, 1);
      assertThat(found.snapshotId()).isEqualTo(snapshot);
      assertThat(found.rows().size()).isBetween(1100, 1200);
    } finally {
      registry.moveAlias(ModelRegistry.CHAMPION, first.id(), "test: back");
      serving.refresh();
    }
    assertThat(similar.indexedSnapshot()).hasValue(first.snapshotId());
  }
}
