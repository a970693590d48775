package com.diamondpricing.tuning;

/**
 * Minimises an {@link Objective} over a {@link SearchSpace}, with Optuna's default TPE sampler
 * ({@link #tpe}) or pure random search ({@link #random}, a baseline with the same API).
 *
 * <pre>{@code
 * Tuner tuner = Tuner.tpe(42).workers(2).pruner(Pruner.median(5, 0)).build();
 * Study study = tuner.optimize(space, trial -> validationMae(trial.params()), 100, null);
 * TrialResult best = study.best();
 * }</pre>
 *
 * <h2>The sampler</h2>
 *
 * The TPE sampler follows Optuna's univariate {@code TPESampler()} with default arguments (3.5–4.8
 * behaviour): {@code startupTrials} (default 10) random trials drawn from their own RNG stream
 * seeded with the seed, then per parameter the split into {@code gamma(n) = min(ceil(0.1·n), 25)}
 * "below" and the rest "above" (COMPLETE trials by value, then PRUNED trials by last step and value
 * there), Parzen estimators with a prior, the farther-neighbour bandwidths including the prior
 * centre, the magic clip, the correctly normalised truncated-normal kernels, {@code candidates}
 * (default 24) draws from the below estimator and the one with the largest {@code log l − log g}.
 * Log-int parameters are scored with the mass of {@code [ln(x−0.5), ln(x+0.5)]} (Optuna 4.7–4.8).
 * Random numbers come from {@link java.util.SplittableRandom}, so values do not equal numpy's.
 *
 * <h2>Reproducibility and parallel trials</h2>
 *
 * With {@code workers(w)}, up to {@code w} objective calls run at once on a fixed pool of {@code w}
 * daemon threads. Every trial's parameters are drawn on the thread that called {@link #optimize},
 * in trial-number order, and trial {@code k} is sampled conditioned on exactly the trials {@code 0
 * … k−w}: before drawing it, optimize waits until all of those have finished, and it never uses
 * other trials that happen to have finished already. Pruning decisions for trial {@code k} likewise
 * compare only with trials {@code 0 … k−w}. Hence the same seed and the same number of workers
 * always give the same study (the same parameters, states and, for a deterministic objective, the
 * same values), whatever the timing. Different worker counts give different, equally valid studies.
 * With one worker this is the ordinary sequential algorithm: trial {@code k} sees all trials before
 * it.
 *
 * <h2>Threads, listener, failures and interruption</h2>
 *
 * <ul>
 *   <li>The objective always runs on the pool threads ({@code tuning-worker-i}), even with one
 *       worker; with several workers it must be thread-safe.
 *   <li>The {@link TuningListener} is called on the thread that called {@code optimize}, one call
 *       at a time, in the order trials finish.
 *   <li>An objective that throws (other than {@link TrialPrunedException}) or returns NaN makes its
 *       trial FAILED, with the exception's {@code toString()} as the error, and the study goes on.
 *       An {@link Error} thrown by the objective, or any exception thrown by the listener, stops
 *       the study and propagates out of {@code optimize}.
 *   <li>Interrupting the calling thread stops the study promptly: running objective calls are
 *       interrupted, no new trial starts, the thread's interrupt flag is set again and {@code
 *       optimize} throws {@link TuningInterruptedException}, whose {@code partialStudy()} holds the
 *       trials that had finished.
 * </ul>
 *
 * <p>A Tuner is an immutable configuration; each {@code optimize} call starts fresh RNG streams, so
 * calling it twice with the same arguments gives the same study. It is safe to share.
 */
public final class Tuner {

  enum Kind {
    TPE,
    RANDOM
  }

  private final Kind kind;
  private final long seed;
  private final int workers;
  private final int startupTrials;
  private final int candidates;
  private final Pruner pruner;

  private Tuner(Builder b) {
    this.kind = b.kind;
    this.seed = b.seed;
    this.workers = b.workers;
    this.startupTrials = b.startupTrials;
    this.candidates = b.candidates;
    this.pruner = b.pruner;
  }

  /** A builder for Optuna's default TPE sampler with this seed. */
  public static Builder tpe(long seed) {
    return new Builder(Kind.TPE, seed);
  }

  /**
   * A builder for pure random search with this seed (every trial drawn as in TPE's start-up phase;
   * {@code startupTrials} and {@code candidates} are ignored).
   */
  public static Builder random(long seed) {
    return new Builder(Kind.RANDOM, seed);
  }

  /**
   * Runs {@code trials} trials of {@code objective} over {@code space} and returns them.
   *
   * @param space the parameters to tune
   * @param objective the function to minimise
   * @param trials how many trials to run (≥ 0)
   * @param listener told about every finished trial on this thread, or null
   * @return every trial, in trial-number order
   * @throws TuningInterruptedException if this thread is interrupted (see the class comment)
   */
  public Study optimize(
      SearchSpace space, Objective objective, int trials, TuningListener listener) {
    if (space == null || objective == null) {
      throw new IllegalArgumentException("space and objective are required");
    }
    if (trials < 0) {
      throw new IllegalArgumentException("trials must be >= 0, got " + trials);
    }
    return new StudyRunner(space, objective, trials, listener, newSampler(), pruner, workers).run();
  }

  Sampler newSampler() {
    return kind == Kind.TPE
        ? new TpeSampler(seed, startupTrials, candidates)
        : new RandomSampler(seed);
  }

  @Override
  public String toString() {
    return "Tuner["
        + kind
        + ", seed="
        + seed
        + ", workers="
        + workers
        + (kind == Kind.TPE
            ? ", startupTrials=" + startupTrials + ", candidates=" + candidates
            : "")
        + ", pruner="
        + pruner
        + "]";
  }

  /** Configures a {@link Tuner}. Not thread-safe. */
  public static final class Builder {

    private final Kind kind;
    private final long seed;
    private int workers = 1;
    private int startupTrials = TpeDefaults.STARTUP_TRIALS;
    private int candidates = TpeDefaults.EI_CANDIDATES;
    private Pruner pruner = Pruner.none();

    private Builder(Kind kind, long seed) {
      this.kind = kind;
      this.seed = seed;
    }

    /** How many objective calls may run at once (default 1). */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be >= 1, got " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** How many COMPLETE or PRUNED trials are drawn at random before TPE starts (default 10). */
    public Builder startupTrials(int startupTrials) {
      if (startupTrials < 0) {
        throw new IllegalArgumentException("startupTrials must be >= 0, got " + startupTrials);
      }
      this.startupTrials = startupTrials;
      return this;
    }

    /** How many candidates TPE draws per parameter (default 24). */
    public Builder candidates(int candidates) {
      if (candidates < 1) {
        throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
      }
      this.candidates = candidates;
      return this;
    }

    /** The pruner the objective consults through {@link Trial#shouldPrune()} (default none). */
    public Builder pruner(Pruner pruner) {
      if (pruner == null) {
        throw new IllegalArgumentException("pruner must not be null; use Pruner.none()");
      }
      this.pruner = pruner;
      return this;
    }

    /** The configured tuner. */
    public Tuner build() {
      return new Tuner(this);
    }
  }
}
