package com.diamondpricing.server.training;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.interval.CoverageReport;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.TrainingOptions;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelFingerprint;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.registry.Registration;
import com.diamondpricing.server.sparkjobs.SparkJobException;
import com.diamondpricing.server.sparkjobs.SparkJobs;
import com.diamondpricing.server.system.DiamondsProperties;
import com.diamondpricing.server.system.ServerIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trains a run this server owns, on the caller's thread, and records how it ended. For each model
 * type it splits the snapshot as the notebook does (80/20, seed 42), fits on the training rows
 * (tuning inside the type), scores the test rows, registers the model and lets the {@link
 * ChampionPolicy} decide whether it serves. A run on Spark has the cluster fit and score each model
 * ({@link SparkJobs}) on the file the snapshot was stored from, split by the same rule; the rest is
 * the same. A model that fails to train fails the run with its error; models registered before it
 * stay.
 *
 * <p>While it trains, the owner's lease on the run is renewed every third of it ({@link
 * LeaseHeartbeat}). When the lease is lost (another server found it expired and marked the run
 * interrupted), the training is interrupted and nothing more of it is promoted.
 */
@Component
class RunExecutor {

  private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);
  private static final long PROGRESS_WRITE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final TrainingRunStore runs;
  private final DatasetStore datasets;
  private final ModelRegistry registry;
  private final ModelTypes types;
  private final ChampionPolicy champion;
  private final SparkJobs spark;
  private final String owner;
  private final Duration lease;

  RunExecutor(
      TrainingRunStore runs,
      DatasetStore datasets,
      ModelRegistry registry,
      ModelTypes types,
      ChampionPolicy champion,
      SparkJobs spark,
      DiamondsProperties properties,
      ServerIdentity server) {
    this.runs = runs;
    this.datasets = datasets;
    this.registry = registry;
    this.types = types;
    this.champion = champion;
    this.spark = spark;
    this.owner = server.id();
    this.lease = properties.training().lease();
  }

  /** This server's id, the owner it takes runs for. */
  String owner() {
    return owner;
  }

  /** When a lease taken or renewed now ends, on the clock leases are measured in. */
  Instant leaseEnd() {
    return runs.now().plus(lease);
  }

  /** Trains the run, telling {@code extra} about progress, and records how it ended. */
  void execute(TrainingRun run, TrainingListener extra) {
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
    String dataHash = all.contentHash();
    RunOptions o = run.options();
    List<RunOutcome> outcomes = new ArrayList<>();
    int index = 0;
    for (String name : run.modelTypes()) {
      ModelType type = types.get(name);
      for (FeatureSet set : RunVariants.featureSets(type, o)) {
        index++;
        String variant = RunVariants.describe(name, set);
        runs.modelStarted(run.id(), index, variant);
        TrainingOptions options =
            new TrainingOptions(
                o.seed(), o.trials(), o.workers(), true, progressWriter(run.id(), extra), set);
        String fingerprint =
            ModelFingerprint.of(
                type,
                set,
                dataHash,
                o.seed(),
                o.trials(),
                o.workers(),
                o.spark() == null ? "local" : "spark");
        Optional<ModelEntry> existing = registry.byFingerprint(fingerprint);
        if (existing.isPresent()) {
          outcomes.add(RunOutcome.existing(existing.get()));
          runs.outcomes(run.id(), outcomes);
          continue;
        }
        ModelEntry entry;
        Registration registration = null;
        try {
          registration =
              o.spark() == null
                  ? VariantTraining.train(
                      type, options, all, train, test, run.id(), run.snapshotId(), fingerprint)
                  : onSpark(o, run, name, options.listener(), train, test, fingerprint);
          entry = registry.register(registration);
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception | LinkageError e) {
          if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted while training " + variant);
          }
          throw new ModelFailed(variant, e);
        } finally {
          if (registration != null) {
            registration.evaluated().close();
            if (registration.served() != null) {
              registration.served().close();
            }
          }
        }
        if (lost.get() || Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("the run was interrupted before its model was considered");
        }
        ChampionPolicy.Decision decision = champion.consider(entry, test);
        outcomes.add(RunOutcome.of(entry, decision.promoted(), decision.reason()));
        runs.outcomes(run.id(), outcomes);
      }
    }
  }

  /**
   * A model trained on Spark (every feature; the evaluated fit serves), with the cluster's scores
   * of its test rows. The cluster splits the file the snapshot was stored from by the same rule; a
   * split of another size means it read other rows, and the model is refused.
   */
  private Registration onSpark(
      RunOptions o,
      TrainingRun run,
      String type,
      TrainingListener listener,
      Dataset train,
      Dataset test,
      String fingerprint)
      throws InterruptedException, SparkJobException {
    long start = System.nanoTime();
    SparkJobs.Trained t = spark.train(o.spark(), type, o.seed(), o.trials(), listener);
    if (t.nTrain() != train.size() || t.nTest() != test.size()) {
      t.model().close();
      throw new SparkJobException(
          String.format(
              Locale.ROOT,
              "the cluster read other rows than the snapshot holds: %,d training and %,d test"
                  + " rows from %s against %,d and %,d",
              t.nTrain(),
              t.nTest(),
              o.spark().data(),
              train.size(),
              test.size()));
    }
    return new Registration(
        t.model(),
        null,
        null,
        null,
        t.coverage().isEmpty() ? null : new CoverageReport(t.nTest(), t.coverage(), List.of()),
        t.test(),
        t.nTrain(),
        t.nTest(),
        run.id(),
        run.snapshotId(),
        (System.nanoTime() - start) / 1e9,
        fingerprint);
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
