package com.diamondpricing.server.training;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.TrainingOptions;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.system.DiamondsProperties;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The training pipeline every trigger leads to. A run takes one snapshot and one or more model
 * types; for each type it splits the snapshot as the notebook does (80/20, seed 42), fits on the
 * training rows (tuning inside the type), scores the test rows, registers the model and lets the
 * {@link ChampionPolicy} decide whether it serves. One run at a time: others wait in a queue. A
 * model that fails to train fails the run with its error; models registered before it stay, and the
 * champion only ever moves to a better model.
 */
@Service
public class TrainingPipeline {

  private static final Logger log = LoggerFactory.getLogger(TrainingPipeline.class);
  private static final long PROGRESS_WRITE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final TrainingRunStore runs;
  private final DatasetStore datasets;
  private final ModelRegistry registry;
  private final ModelTypes types;
  private final ChampionPolicy champion;
  private final DiamondsProperties.Training defaults;
  private final ReentrantLock oneAtATime = new ReentrantLock(true);
  private final ExecutorService queue =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "training");
            t.setDaemon(true);
            return t;
          });

  TrainingPipeline(
      TrainingRunStore runs,
      DatasetStore datasets,
      ModelRegistry registry,
      ModelTypes types,
      ChampionPolicy champion,
      DiamondsProperties properties) {
    this.runs = runs;
    this.datasets = datasets;
    this.registry = registry;
    this.types = types;
    this.champion = champion;
    this.defaults = properties.training();
  }

  /** What a new run should do. */
  public record RunRequest(long snapshotId, List<String> modelTypes, Integer trials) {}

  /** Records a queued run and starts it in the background when the runs before it are done. */
  public TrainingRun submit(RunRequest request, Trigger trigger) {
    TrainingRun run = create(request, trigger);
    queue.execute(() -> execute(run.id(), TrainingListener.NONE));
    return run;
  }

  /** Records a run and runs it on this thread (after any run in progress); returns it finished. */
  public TrainingRun runNow(RunRequest request, Trigger trigger, TrainingListener listener) {
    TrainingRun run = create(request, trigger);
    execute(run.id(), listener);
    return runs.get(run.id());
  }

  private TrainingRun create(RunRequest request, Trigger trigger) {
    List<String> names =
        request.modelTypes() == null || request.modelTypes().isEmpty()
            ? types.names()
            : List.copyOf(request.modelTypes());
    names.forEach(types::get); // rejects unknown names, listing the allowed ones
    datasets
        .find(request.snapshotId())
        .orElseThrow(
            () -> new IllegalArgumentException("no dataset snapshot " + request.snapshotId()));
    int trials = request.trials() == null ? defaults.trials() : request.trials();
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, not " + trials);
    }
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("seed", defaults.seed());
    options.put("trials", trials);
    options.put("workers", defaults.workers());
    return runs.create(request.snapshotId(), names, trigger, options);
  }

  /** Marks runs a crash left running as interrupted and re-queues runs that never started. */
  public void recover() {
    int interrupted = runs.interruptRunning();
    if (interrupted > 0) {
      log.warn(
          "Marked {} training run(s) left running by a previous process as interrupted",
          interrupted);
    }
    for (TrainingRun run : runs.queued()) {
      log.info("Re-queuing training run {} from a previous process", run.id());
      queue.execute(() -> execute(run.id(), TrainingListener.NONE));
    }
  }

  public TrainingRun get(long id) {
    return runs.get(id);
  }

  public List<TrainingRun> list(int limit) {
    return runs.list(limit);
  }

  private void execute(long runId, TrainingListener extra) {
    oneAtATime.lock();
    try {
      TrainingRun run = runs.get(runId);
      if (run.status() != RunStatus.QUEUED) {
        return;
      }
      runs.started(runId);
      log.info(
          "Training run {} started: {} on snapshot {}", runId, run.modelTypes(), run.snapshotId());
      try {
        trainAll(run, extra);
        runs.finished(runId, RunStatus.SUCCEEDED, null);
        log.info("Training run {} succeeded", runId);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        runs.finished(runId, RunStatus.INTERRUPTED, "interrupted");
      } catch (Exception | LinkageError e) {
        log.error("Training run {} failed", runId, e);
        runs.finished(runId, RunStatus.FAILED, describe(e));
      }
    } finally {
      oneAtATime.unlock();
    }
  }

  private void trainAll(TrainingRun run, TrainingListener extra) throws Exception {
    Dataset all = datasets.rows(run.snapshotId());
    TrainTestSplit split = TrainTestSplit.notebook(all.size());
    Dataset train = all.rows(split.train());
    Dataset test = all.rows(split.test());
    List<Map<String, Object>> outcomes = new ArrayList<>();
    int index = 0;
    for (String name : run.modelTypes()) {
      index++;
      ModelType type = types.get(name);
      runs.modelStarted(run.id(), index, name);
      TrainingOptions options =
          new TrainingOptions(
              ((Number) run.options().get("seed")).longValue(),
              ((Number) run.options().get("trials")).intValue(),
              ((Number) run.options().get("workers")).intValue(),
              true,
              progressWriter(run.id(), extra));
      try (TrainedModel model = type.trainer(options).fit(train)) {
        Metrics metrics = Metrics.of(test.prices(), model.predict(test));
        ModelEntry entry =
            registry.register(
                model, run.id(), run.snapshotId(), metrics, train.size(), test.size());
        ChampionPolicy.Decision decision = champion.consider(entry, test);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("modelId", entry.id());
        outcome.put("type", entry.type());
        outcome.put("version", entry.version());
        outcome.put("testMae", metrics.mae());
        outcome.put("testR2", metrics.r2());
        outcome.put("promoted", decision.promoted());
        outcome.put("reason", decision.reason());
        outcomes.add(outcome);
        runs.outcomes(run.id(), outcomes);
      }
    }
  }

  /** Writes progress to the run at most twice a second, and always forwards it. */
  private TrainingListener progressWriter(long runId, TrainingListener extra) {
    long[] last = {0};
    return p -> {
      extra.onProgress(p);
      long now = System.nanoTime();
      if (now - last[0] >= PROGRESS_WRITE_INTERVAL_NANOS || p.trial() == p.trials()) {
        last[0] = now;
        runs.progress(
            runId,
            p.trial(),
            p.trials(),
            Double.isNaN(p.bestValidationMae()) ? null : p.bestValidationMae());
      }
    };
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? "the run failed unexpectedly (see the log)"
        : message;
  }

  @PreDestroy
  void stop() throws InterruptedException {
    queue.shutdownNow();
    queue.awaitTermination(10, TimeUnit.SECONDS);
  }
}
