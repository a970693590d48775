package com.diamondpricing.server.cli;

import static com.diamondpricing.server.cli.CliRuns.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.cli.CliRuns.Run;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.system.BackgroundWorker;
import com.diamondpricing.server.training.TrainingPipeline;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands' context (built as every command builds it, on a state folder whose registry has a
 * champion) runs no background work: no champion poller, inbox watcher, run dispatcher, request log
 * writer or purge, the schedule's worker not running (no schedule), no background thread, and no
 * model loaded.
 */
class CliContextIntegrationTests {

  @TempDir static Path dir;
  static Path home;

  @BeforeAll
  static void aRegistryWithAChampion() {
    home = dir.resolve("home");
    Path data = CliRuns.head(dir, "small.csv", 300);
    Run r = in(home, "train", "--data", data.toString(), "--models", "linear");
    assertThat(r.status()).as(r.err()).isZero();
  }

  /**
   * This JVM's background threads, but the lease heartbeats: the contexts of other suites, kept for
   * reuse, may start one for a run of theirs at any time (this context trains nothing).
   */
  static Set<Thread> backgroundThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(BackgroundWorker.THREAD_PREFIX))
        .filter(t -> !t.getName().startsWith(BackgroundWorker.THREAD_PREFIX + "lease-heartbeat-"))
        .collect(Collectors.toSet());
  }

  @Test
  void theCommandsContextStartsNoWorkerAndLoadsNoModel() throws Exception {
    Set<Thread> before = backgroundThreads();
    try (CliContext context = CliContext.start(home)) {
      assertThat(context.bean(ModelRegistry.class).champion()).as("a champion to load").isPresent();

      Map<String, BackgroundWorker> workers = context.beans(BackgroundWorker.class);
      assertThat(workers.values()).as("workers running").noneMatch(BackgroundWorker::isRunning);
      assertThat(workers.keySet())
          .as(
              "workers there are (the schedule, empty, and the live-accuracy gauges, monitor off:"
                  + " neither starts)")
          .containsExactlyInAnyOrder("liveAccuracyGauges", "scheduledRetraining");

      Thread.sleep(1500); // longer than the champion poller's interval (1 s), were there one
      Set<Thread> started = backgroundThreads();
      started.removeAll(before);
      assertThat(started).extracting(Thread::getName).as("background threads started").isEmpty();
      assertThat(context.bean(ServingModels.class).champion()).as("the champion loaded").isEmpty();
      assertThat(context.bean(TrainingPipeline.class).list(10))
          .as("runs: only the one that trained the champion")
          .hasSize(1);
    }
  }

  @Test
  void modelsListStillMarksTheChampionFromTheRegistryAlone() {
    Run r = in(home, "models", "list");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("linear").contains("*");
  }
}
