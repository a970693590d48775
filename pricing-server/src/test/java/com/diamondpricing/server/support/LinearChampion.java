package com.diamondpricing.server.support;

import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.Trigger;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test set-up: a linear model trained on the bundled data, serving as champion. */
public final class LinearChampion {

  private LinearChampion() {}

  /** Ingests the bundled data and trains linear, unless a champion already serves. */
  public static void ensure(DatasetStore datasets, TrainingPipeline pipeline, ServingModels serving)
      throws Exception {
    if (serving.champion().isPresent()) {
      return;
    }
    long snapshot =
        datasets
            .ingest(
                new ByteArrayInputStream(Files.readAllBytes(Path.of("../data/diamonds.csv"))),
                "diamonds.csv",
                IngestMode.REPLACE)
            .snapshot()
            .id();
    pipeline.runNow(
        new TrainingPipeline.RunRequest(snapshot, List.of("linear"), null),
        Trigger.CLI,
        TrainingListener.NONE);
    serving.refresh();
  }
}
