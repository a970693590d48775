package com.diamondpricing.server.training;

import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.xgboost.XgboostTraining;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.problem.Problem;
import com.diamondpricing.server.registry.ModelChoice;
import com.diamondpricing.server.sparkjobs.SparkRun;
import com.diamondpricing.server.system.DiamondsProperties;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The training pipeline every trigger leads to. A run takes one snapshot and one or more model
 * types, checked by the {@link ModelChoice} rule; the {@link RunExecutor} trains, registers and
 * scores each type and lets the {@link ChampionPolicy} decide whether it serves. A model that fails
 * to train fails the run with its error; models registered before it stay, and the champion only
 * ever moves to a better one.
 *
 * <p>Runs wait in the database (at most {@code diamonds.training.max-queued}); the {@link
 * RunDispatcher} of each server takes them one by one, by a compare-and-set that names the server
 * and a lease it renews while it trains ({@link LeaseHeartbeat}). One run at a time per server.
 */
@Service
public class TrainingPipeline {

  private static final Logger log = LoggerFactory.getLogger(TrainingPipeline.class);

  private final TrainingRunStore runs;
  private final DatasetStore datasets;
  private final ModelChoice choice;
  private final ModelTypes types;
  private final RunExecutor executor;
  private final RunRecovery recovery;
  private final DiamondsProperties.Training defaults;
  private final ReentrantLock oneAtATime = new ReentrantLock(true);
  private volatile Runnable queuedListener = () -> {};

  TrainingPipeline(
      TrainingRunStore runs,
      DatasetStore datasets,
      ModelChoice choice,
      ModelTypes types,
      RunExecutor executor,
      RunRecovery recovery,
      DiamondsProperties properties) {
    this.types = types;
    this.recovery = recovery;
    this.runs = runs;
    this.datasets = datasets;
    this.choice = choice;
    this.executor = executor;
    this.defaults = properties.training();
  }

  /**
   * What a new run should do.
   *
   * @param snapshotId the snapshot to train on
   * @param modelTypes the model types (see {@link ModelChoice#models}); null for every type
   * @param trials tuning trials (see {@link ModelChoice#trials}); null for the configured default
   * @param spark where to train on Spark, or null to train in this process; a run on Spark trains
   *     the XGBoost types only, and by default both
   */
  public record RunRequest(
      long snapshotId, List<String> modelTypes, Integer trials, SparkRun spark) {

    /** A run that trains in this process. */
    public RunRequest(long snapshotId, List<String> modelTypes, Integer trials) {
      this(snapshotId, modelTypes, trials, null);
    }
  }

  /**
   * Records a queued run; a server's dispatcher runs it when the runs before it are done.
   *
   * @throws Problem 400 for a model type, trial count or snapshot the run cannot have, 429 when
   *     {@code max-queued} runs wait already
   */
  public TrainingRun submit(RunRequest request, Trigger trigger) {
    return submit(request, trigger, null);
  }

  /** As {@link #submit(RunRequest, Trigger)}, with why the run was queued (kept with the run). */
  public TrainingRun submit(RunRequest request, Trigger trigger, String reason) {
    Checked checked = check(request);
    TrainingRun run =
        runs.createQueued(
                request.snapshotId(),
                checked.names(),
                checked.models(),
                trigger,
                checked.options(),
                defaults.maxQueued(),
                reason)
            .orElseThrow(this::queueFull);
    queuedListener.run();
    return run;
  }

  /** Whether a run of this trigger is queued or running. */
  public boolean active(Trigger trigger) {
    return runs.activeCount(trigger) > 0;
  }

  /** Whether another run can be queued now. */
  public boolean hasRoom() {
    return runs.queuedCount() < defaults.maxQueued();
  }

  /**
   * Records a run and runs it on this thread (after any run in progress); returns it finished.
   *
   * @throws Problem 400 for a model type, trial count or snapshot the run cannot have
   */
  public TrainingRun runNow(RunRequest request, Trigger trigger, TrainingListener listener) {
    Checked checked = check(request);
    oneAtATime.lock();
    try {
      TrainingRun run =
          runs.createRunning(
              request.snapshotId(),
              checked.names(),
              checked.models(),
              trigger,
              checked.options(),
              executor.owner(),
              executor.leaseEnd());
      executor.execute(run, listener);
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
      Optional<TrainingRun> next = runs.claimNext(executor.owner(), executor.leaseEnd());
      next.ifPresent(run -> executor.execute(run, TrainingListener.NONE));
      return next.isPresent();
    } finally {
      oneAtATime.unlock();
    }
  }

  /** Tells the dispatcher of this process when a run is queued here. */
  void onQueued(Runnable listener) {
    this.queuedListener = listener;
  }

  /** A run's checked request: its types, the models they make (one per feature set), options. */
  private record Checked(List<String> names, int models, RunOptions options) {}

  private Checked check(RunRequest request) {
    List<String> names =
        request.spark() == null
            ? choice.models(request.modelTypes())
            : sparkModels(request.modelTypes());
    int trials =
        request.trials() == null ? defaults.trials() : ModelChoice.trials(request.trials());
    if (datasets.find(request.snapshotId()).isEmpty()) {
      throw Problem.invalidParameter(
          "snapshotId", "there is no dataset snapshot " + request.snapshotId(), List.of());
    }
    RunOptions options =
        new RunOptions(defaults.seed(), trials, defaults.workers(), request.spark());
    return new Checked(names, RunVariants.count(types, names, options), options);
  }

  /** The types a run on Spark trains: the XGBoost ones asked for, both by default. */
  private List<String> sparkModels(List<String> asked) {
    List<String> xgboost = XgboostTraining.typeNames();
    if (asked == null || asked.isEmpty()) {
      return xgboost;
    }
    List<String> names = choice.models(asked);
    if (!xgboost.containsAll(names)) {
      throw Problem.invalidParameter(
          "modelTypes", "the Spark engine trains the XGBoost model types only", xgboost);
    }
    return names;
  }

  private Problem queueFull() {
    return Problem.of(
            Problem.Kind.TOO_MANY_REQUESTS,
            "training-queue-full",
            "Training queue full",
            defaults.maxQueued()
                + " training runs are waiting already, the most the service queues; try again"
                + " once one has started.")
        .retryAfter(defaults.lease().toSeconds());
  }

  /**
   * Marks the runs whose server stopped (its process ended, or its lease expired) as interrupted,
   * and queues each again once ({@link RunRecovery}).
   */
  public void recover() {
    recovery.recover();
  }

  public TrainingRun get(long id) {
    return runs.get(id);
  }

  public List<TrainingRun> list(int limit) {
    return runs.list(limit);
  }
}
