package com.diamondpricing.tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one study (see {@link Tuner} for the contract). The calling thread samples every trial in
 * trial-number order, starts trial {@code k} once trials {@code 0 … k−w} have all finished
 * (conditioned on exactly those), collects completions from a queue, and calls the listener.
 */
final class StudyRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StudyRunner.class);
  private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

  private final SearchSpace space;
  private final Objective objective;
  private final int total;
  private final TuningListener listener;
  private final Sampler sampler;
  private final Pruner pruner;
  private final int workers;

  private final FinishedTrial[] finished;
  private final double[][] internals;
  private final Trial[] trials;
  private final List<TrialResult> results = new ArrayList<>();
  private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();

  /** All trials below this number have finished. */
  private int finishedPrefix;

  private TrialResult bestSoFar;

  StudyRunner(
      SearchSpace space,
      Objective objective,
      int total,
      TuningListener listener,
      Sampler sampler,
      Pruner pruner,
      int workers) {
    this.space = space;
    this.objective = objective;
    this.total = total;
    this.listener = listener;
    this.sampler = sampler;
    this.pruner = pruner;
    this.workers = workers;
    this.finished = new FinishedTrial[total];
    this.internals = new double[total][];
    this.trials = new Trial[total];
  }

  /** What a worker hands back. {@code fatal} is an Error to rethrow on the calling thread. */
  private record Completion(
      int number, TrialState state, double value, String error, Error fatal, double seconds) {}

  Study run() {
    if (total == 0) {
      return new Study(List.of());
    }
    int poolId = POOL_COUNTER.incrementAndGet();
    AtomicInteger threadCounter = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t =
              new Thread(r, "tuning-" + poolId + "-worker-" + threadCounter.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    ExecutorService pool = Executors.newFixedThreadPool(workers, factory);
    try {
      int next = 0;
      while (results.size() < total) {
        // trial k may start once trials 0 .. k-w have all finished
        while (next < total && finishedPrefix >= next - workers + 1) {
          if (Thread.currentThread().isInterrupted()) {
            throw interrupted();
          }
          start(pool, next++);
        }
        Completion done;
        try {
          done = completions.take();
        } catch (InterruptedException e) {
          throw interrupted();
        }
        record(done);
      }
      return new Study(results);
    } finally {
      pool.shutdownNow();
    }
  }

  private TuningInterruptedException interrupted() {
    Thread.currentThread().interrupt();
    LOG.info("tuning interrupted after {} of {} trials", results.size(), total);
    return new TuningInterruptedException(new Study(results));
  }

  private void start(ExecutorService pool, int number) {
    int conditioningSize = Math.max(0, number - workers + 1);
    List<FinishedTrial> conditioning = List.of(Arrays.copyOf(finished, conditioningSize));
    double[] internal = sampler.sample(space, conditioning);
    internals[number] = internal;
    Map<String, Object> params = new LinkedHashMap<>();
    List<ParameterSpec> parameters = space.parameters();
    for (int i = 0; i < internal.length; i++) {
      params.put(parameters.get(i).name(), parameters.get(i).toExternal(internal[i]));
    }
    Trial trial = new Trial(number, params, pruner, conditioning);
    trials[number] = trial;
    LOG.debug("trial {} starts with {}", number, params);
    pool.execute(() -> completions.add(evaluate(trial)));
  }

  private Completion evaluate(Trial trial) {
    long t0 = System.nanoTime();
    TrialState state;
    double value = Double.NaN;
    String error = null;
    Error fatal = null;
    try {
      value = objective.evaluate(trial);
      if (Double.isNaN(value)) {
        state = TrialState.FAILED;
        error = "the objective returned NaN";
      } else {
        state = TrialState.COMPLETE;
      }
    } catch (TrialPrunedException e) {
      state = TrialState.PRUNED;
    } catch (Exception e) {
      state = TrialState.FAILED;
      value = Double.NaN;
      error = e.toString();
      LOG.debug("trial {} failed", trial.number(), e);
    } catch (Error e) {
      state = TrialState.FAILED;
      value = Double.NaN;
      error = e.toString();
      fatal = e;
    } catch (Throwable e) { // a sneaky-thrown checked Throwable: fail the trial, never lose it
      state = TrialState.FAILED;
      value = Double.NaN;
      error = e.toString();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Completion(trial.number(), state, value, error, fatal, seconds);
  }

  private void record(Completion done) {
    if (done.fatal() != null) {
      throw done.fatal();
    }
    int number = done.number();
    Trial trial = trials[number];
    NavigableMap<Integer, Double> intermediates = trial.intermediateValues();
    int lastStep = intermediates.isEmpty() ? -1 : intermediates.lastKey();
    double value = done.value();
    if (done.state() == TrialState.PRUNED) {
      value = lastStep < 0 ? Double.NaN : intermediates.get(lastStep);
    }
    TrialResult result =
        new TrialResult(
            number, trial.params(), done.state(), value, lastStep, done.seconds(), done.error());
    finished[number] = new FinishedTrial(result, internals[number], intermediates);
    trials[number] = null;
    internals[number] = null;
    results.add(result);
    while (finishedPrefix < total && finished[finishedPrefix] != null) {
      finishedPrefix++;
    }
    if (result.state() == TrialState.FAILED) {
      LOG.warn("trial {} failed: {}", number, result.error());
    } else {
      LOG.debug("trial {} {}: {}", number, result.state(), result.value());
    }
    if (result.state() == TrialState.COMPLETE) {
      bestSoFar = Study.bestOf(bestSoFar == null ? List.of(result) : List.of(bestSoFar, result));
    }
    if (listener != null) {
      listener.onTrialFinished(result, results.size(), total, bestSoFar);
    }
  }
}
