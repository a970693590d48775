package com.diamondpricing.server.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Retraining on a schedule that fires every second: skipped without data, then a run of every model
 * type with trigger {@code schedule}, and skipped while that run is queued or running.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.inbox.enabled=false",
      "diamonds.schedule=* * * * * *",
      "diamonds.training.trials=1"
    })
@DirtiesContext // stops the schedule and any training still running
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class ScheduledRetrainingIntegrationTests {

  static final Duration PATIENCE = Duration.ofSeconds(20);

  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ModelTypes types;

  List<TrainingRun> scheduledRuns() {
    return pipeline.list(1000).stream().filter(r -> r.trigger() == Trigger.SCHEDULE).toList();
  }

  @Test
  @Order(1) // before any data is ingested
  void withoutDataATimeIsSkipped(CapturedOutput output) {
    await()
        .atMost(PATIENCE)
        .until(
            () -> output.getOut().contains("Scheduled retraining skipped: there is no data yet"));
    assertThat(pipeline.list(1000)).isEmpty();
  }

  @Test
  @Order(2)
  void withDataARunOfEveryModelTypeIsQueuedAndTheNextTimesWaitForIt(CapturedOutput output)
      throws Exception {
    long snapshot;
    try (InputStream in = Files.newInputStream(Path.of("../data/diamonds.csv"))) {
      snapshot = datasets.ingest(in, "diamonds.csv", IngestMode.REPLACE).snapshot().id();
    }

    await().atMost(PATIENCE).until(() -> !scheduledRuns().isEmpty());
    TrainingRun run = scheduledRuns().get(0);
    assertThat(run.snapshotId()).isEqualTo(snapshot);
    assertThat(run.modelTypes()).isEqualTo(types.names()).contains("linear", "xgboost");
    assertThat(run.options().trials()).isEqualTo(1);

    // training every type takes seconds: the times meanwhile are skipped
    String skipped =
        "Scheduled retraining skipped: run "
            + run.id()
            + " is already queued or running on snapshot "
            + snapshot;
    await().atMost(PATIENCE).until(() -> output.getOut().contains(skipped));
    int scheduled = scheduledRuns().size();
    if (pipeline.get(run.id()).finishedAt() == null) {
      assertThat(scheduled).isEqualTo(1);
    }
  }
}
