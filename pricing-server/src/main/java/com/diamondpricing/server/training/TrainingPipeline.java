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
import com.diamondpricing.server.system.ServerIdentity;
import com.diamondpricing.server.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The training pipeline every trigger leads to. A run takes one snapshot and one or more model
 * types; for each type it splits the snapshot as the notebook does (80/20, seed 42), fits on the
 * training rows (tuning inside the type), scores the test rows, registers the model and lets the
 * {@link ChampionPolicy} decide whether it serves. A model that fails to train fails the run with
 * its error; models registered before it stay, and the champion only ever moves to a better one.
 *
 * <p>Runs wait in the database (at most {@code diamonds.training.max-queued}); the {@link
 * RunDispatcher} of each server takes them one by one, by a compare-and-set that names the server
 * and a lease it renews while it trains ({@link LeaseHeartbeat}). One run at a time per server.
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
  private final String owner;
  private final Duration lease;
  private final ReentrantLock oneAtATime = new ReentrantLock(true);
  private volatile Runnable queuedListener = () -> {};

  TrainingPipeline(
      TrainingRunStore runs,
      DatasetStore datasets,
      ModelRegistry registry,
      ModelTypes types,
      ChampionPolicy champion,
      DiamondsProperties properties,
      ServerIdentity server) {
    this.runs = runs;
    this.datasets = datasets;
    this.registry = registry;
    this.types = types;
    this.champion = champion;
    this.defaults = properties.training();
    this.owner = server.id();
    this.lease = defaults.lease();
  }

  /** What a new run should do. */
  public record RunRequest(long snapshotId, List<String> modelTypes, Integer trials) {}

  /**
   * Records a queued run; a server's dispatcher runs it when the runs before it are done.
   *
   * @throws ApiException 429 when {@code max-queued} runs wait already
   */
  public TrainingRun submit(RunRequest request, Trigger trigger) {
    Checked checked = check(request);
    TrainingRun run =
        runs.createQueued(
                request.snapshotId(),
                checked.names(),
                trigger,
                checked.options(),
                defaults.maxQueued())
            .orElseThrow(this::queueFull);
    queuedListener.run();
    return run;
  }

  /** Whether another run can be queued now. */
  public boolean hasRoom() {
    return runs.queuedCount() < defaults.maxQueued();
  }

  /** Records a run and runs it on this thread (after any run in progress); returns it finished. */
  public TrainingRun runNow(RunRequest request, Trigger trigger, TrainingListener listener) {
    Checked checked = check(request);
    oneAtATime.lock();
    try {
      TrainingRun run =
          runs.createRunning(
              request.snapshotId(), checked.names(), trigger, checked.options(), owner, leaseEnd());
      execute(run, listener);
      return runs.get(run.id());
    } finally {
      oneAtATime.unlock();
    }
  }

  /**
   * Takes the oldest queued run, if any, and runs it on this thread; false when none was left.
   * Called by the {@link RunDispatcher}.
   */
  boolean runNextQueued() {
    oneAtATime.lock();
    try {
      Optional<TrainingRun> next = runs.claimNext(owner, leaseEnd());
      next.ifPresent(run -> execute(run, TrainingListener.NONE));
      return next.isPresent();
    } finally {
      oneAtATime.unlock();
    }
  }

  /** Tells the dispatcher of this process when a run is queued here. */
  void onQueued(Runnable listener) {
    this.queuedListener = listener;
  }

  private record Checked(List<String> names, Map<String, Object> options) {}

  private Checked check(RunRequest request) {
    List<String> names =
        request.modelTypes() == null || request.modelTypes().isEmpty()
            ? types.names()
            : List.copyOf(request.modelTypes());
    for (String name : names) {
      if (!types.contains(name)) {
        throw ApiException.invalidParameter(
            "models",
            "unknown model type '"
                + name
                + "'; allowed values: "
                + String.join(", ", types.names()),
            types.names());
      }
    }
    if (datasets.find(request.snapshotId()).isEmpty()) {
      throw ApiException.invalidParameter(
          "snapshotId", "there is no dataset snapshot " + request.snapshotId(), List.of());
    }
    int trials = request.trials() == null ? defaults.trials() : request.trials();
    if (trials < 1) {
      throw ApiException.invalidParameter(
          "trials", "trials must be at least 1, not " + trials, List.of());
    }
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("seed", defaults.seed());
    options.put("trials", trials);
    options.put("workers", defaults.workers());
    return new Checked(names, options);
  }

  private ApiException queueFull() {
    ApiException e =
        ApiException.of(
            HttpStatus.TOO_MANY_REQUESTS,
            "training-queue-full",
            "Training queue full",
            defaults.maxQueued()
                + " training runs are waiting already, the most the service queues; try again"
                + " once one has started.");
    e.getHeaders().set("Retry-After", Long.toString(lease.toSeconds()));
    return e;
  }

  /** Marks the runs whose server stopped (their lease expired) as interrupted. */
  public void recover() {
    int interrupted = runs.interruptExpired(runs.now());
    if (interrupted > 0) {
      log.warn(
          "Marked {} training run(s) as interrupted: their server stopped (lease expired)",
          interrupted);
    }
  }

  public TrainingRun get(long id) {
    return runs.get(id);
  }

  public List<TrainingRun> list(int limit) {
    return runs.list(limit);
  }

  private Instant leaseEnd() {
    return runs.now().plus(lease);
  }

  /**
   * Trains a run this server owns, renewing its lease meanwhile, and records how it ended. When the
   * lease is lost (another server found it expired and marked the run interrupted), the training is
   * interrupted and nothing more of it is promoted.
   */
  private void execute(TrainingRun run, TrainingListener extra) {
    long runId = run.id();
    AtomicBoolean lost = new AtomicBoolean();
    LeaseHeartbeat heartbeat =
        new LeaseHeartbeat(runs, runId, owner, lease, Thread.currentThread(), lost);
    heartbeat.start();
    log.info(
        "Training run {} started: {} on snapshot {}", runId, run.modelTypes(), run.snapshotId());
    RunStatus status;
    RunError error = null;
    try {
      trainAll(run, extra, lost);
      status = RunStatus.SUCCEEDED;
      log.info("Training run {} succeeded", runId);
    } catch (InterruptedException e) {
      status = RunStatus.INTERRUPTED;
      if (lost.get()) {
        error = new RunError(RunError.LEASE_LOST, "this server's hold on the run expired");
      } else {
        Thread.currentThread().interrupt(); // the server is stopping
        error = RunError.interrupted("the server stopped while this run was running");
      }
    } catch (ModelFailed e) {
      log.error("Training run {} failed", runId, e.getCause());
      status = RunStatus.FAILED;
      error = RunError.trainingFailed(e.type, e.getCause());
    } catch (RuntimeException e) {
      log.error("Training run {} failed", runId, e);
      status = RunStatus.FAILED;
      error = RunError.trainingFailed(String.join(", ", run.modelTypes()), e);
    } finally {
      heartbeat.stop();
    }
    if (lost.get()) {
      Thread.interrupted(); // the lost lease's interrupt is handled: the thread goes on
    }
    if (!runs.finished(runId, owner, status, error)) {
      log.warn(
          "Training run {} ended {}, but another server had marked it interrupted meanwhile",
          runId,
          status.value());
    }
  }

  /** A model type that failed, and why. */
  private static final class ModelFailed extends Exception {
    private static final long serialVersionUID = 1L;
    final String type;

    ModelFailed(String type, Throwable cause) {
      super(cause);
      this.type = type;
    }
  }

  private void trainAll(TrainingRun run, TrainingListener extra, AtomicBoolean lost)
      throws InterruptedException, ModelFailed {
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
      ModelEntry entry;
      Metrics metrics;
      try (TrainedModel model = type.trainer(options).fit(train)) {
        metrics = Metrics.of(test.prices(), model.predict(test));
        entry =
            registry.register(
                model, run.id(), run.snapshotId(), metrics, train.size(), test.size());
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception | LinkageError e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("interrupted while training " + name);
        }
        throw new ModelFailed(name, e);
      }
      if (lost.get() || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("the run was interrupted before its model was considered");
      }
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
}
