package com.diamondpricing.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TunerTests {

  private static final SearchSpace SPACE =
      SearchSpace.builder()
          .logFloat("lambda", 1e-8, 1.0)
          .floatRange("x", -5, 5)
          .steppedFloat("q", 0, 1, 0.1)
          .intRange("n_estimators", 100, 1000)
          .steppedInt("k", 0, 100, 5)
          .logInt("m", 1, 100)
          .categorical("colsample_bytree", List.of(0.3, 0.4, 0.5, 0.7))
          .build();

  /** A deterministic function of all seven parameters. */
  private static double value(Trial t) {
    double x = t.getDouble("x");
    return Math.pow(Math.log10(t.getDouble("lambda")) + 4, 2)
        + (x - 1) * (x - 1)
        + Math.abs(t.getDouble("q") - 0.3)
        + Math.abs(t.getInt("n_estimators") - 420) / 100.0
        + Math.abs(t.getInt("k") - 35) / 10.0
        + Math.abs(Math.log(t.getInt("m") / 7.0))
        + Math.abs(t.getDouble("colsample_bytree") - 0.5);
  }

  private static Objective jittered(Objective inner) {
    return trial -> {
      Thread.sleep(ThreadLocalRandom.current().nextInt(3));
      return inner.evaluate(trial);
    };
  }

  private static List<Map<String, Object>> params(Study study) {
    return study.trials().stream().map(TrialResult::params).toList();
  }

  @Nested
  class Reproducibility {

    @Test
    void sameSeedOneWorkerGivesTheSameTrials() {
      Study a = Tuner.tpe(42).build().optimize(SPACE, TunerTests::value, 40, null);
      Study b = Tuner.tpe(42).build().optimize(SPACE, TunerTests::value, 40, null);
      assertThat(params(a)).isEqualTo(params(b));
      assertThat(a.trials())
          .extracting(TrialResult::value)
          .isEqualTo(b.trials().stream().map(TrialResult::value).toList());
      assertThat(a.completeCount()).isEqualTo(40);
    }

    @Test
    void sameSeedTwoWorkersGivesTheSameTrialsWhateverTheTiming() {
      Tuner tuner = Tuner.tpe(42).workers(2).build();
      Study a = tuner.optimize(SPACE, jittered(TunerTests::value), 40, null);
      Study b = tuner.optimize(SPACE, jittered(TunerTests::value), 40, null);
      assertThat(params(a)).isEqualTo(params(b));
      assertThat(a.trials()).extracting(TrialResult::number).isEqualTo(rangeList(40));
      // a different worker count conditions differently: a different (equally valid) study
      Study sequential = Tuner.tpe(42).build().optimize(SPACE, TunerTests::value, 40, null);
      assertThat(params(a)).isNotEqualTo(params(sequential));
      // ... whose start-up trials are the same random draws
      assertThat(params(a).subList(0, 10)).isEqualTo(params(sequential).subList(0, 10));
    }

    @Test
    void differentSeedsGiveDifferentTrials() {
      Study a = Tuner.tpe(1).build().optimize(SPACE, TunerTests::value, 15, null);
      Study b = Tuner.tpe(2).build().optimize(SPACE, TunerTests::value, 15, null);
      for (int i = 0; i < 15; i++) {
        assertThat(a.trials().get(i).params()).isNotEqualTo(b.trials().get(i).params());
      }
    }

    @Test
    void randomSearchIsReproducibleToo() {
      Tuner tuner = Tuner.random(9).workers(3).build();
      assertThat(params(tuner.optimize(SPACE, jittered(TunerTests::value), 20, null)))
          .isEqualTo(params(tuner.optimize(SPACE, TunerTests::value, 20, null)));
    }

    @Test
    void trialKIsConditionedOnExactlyTrials0ToKMinusW() {
      List<List<Integer>> seen = Collections.synchronizedList(new ArrayList<>());
      Sampler recording =
          (space, history) -> {
            seen.add(history.stream().map(FinishedTrial::number).toList());
            return new RandomSampler(history.size()).sample(space, history);
          };
      new StudyRunner(SPACE, jittered(t -> 1.0), 25, null, recording, Pruner.none(), 3).run();
      for (int k = 0; k < 25; k++) {
        assertThat(seen.get(k)).as("trial %d", k).isEqualTo(rangeList(Math.max(0, k - 2)));
      }
    }

    @Test
    void paramsHaveTheDocumentedTypes() {
      TrialResult t =
          Tuner.tpe(3).build().optimize(SPACE, TunerTests::value, 1, null).trials().get(0);
      assertThat(t.params().keySet())
          .containsExactly("lambda", "x", "q", "n_estimators", "k", "m", "colsample_bytree");
      assertThat(t.params().get("lambda")).isInstanceOf(Double.class);
      assertThat(t.params().get("n_estimators")).isInstanceOf(Integer.class);
      assertThat(t.params().get("k")).isInstanceOf(Integer.class);
      assertThat(t.params().get("m")).isInstanceOf(Integer.class);
      assertThat(t.params().get("colsample_bytree")).isIn(0.3, 0.4, 0.5, 0.7);
      assertThat(t.lastStep()).isEqualTo(-1);
      assertThat(t.error()).isNull();
      assertThat(t.seconds()).isGreaterThanOrEqualTo(0);
    }
  }

  @Nested
  class Listener {

    @Test
    void isCalledSeriallyOnTheCallingThreadWithTheBestSoFar() {
      Thread caller = Thread.currentThread();
      List<Integer> counts = new ArrayList<>();
      AtomicInteger active = new AtomicInteger();
      List<TrialResult> finished = new ArrayList<>();
      Study study =
          Tuner.tpe(5)
              .workers(2)
              .build()
              .optimize(
                  SPACE,
                  jittered(TunerTests::value),
                  30,
                  (trial, finishedCount, total, best) -> {
                    assertThat(active.incrementAndGet()).isEqualTo(1);
                    assertThat(Thread.currentThread()).isSameAs(caller);
                    assertThat(total).isEqualTo(30);
                    finished.add(trial);
                    assertThat(best).isEqualTo(Study.bestOf(finished));
                    counts.add(finishedCount);
                    active.decrementAndGet();
                  });
      assertThat(counts).isEqualTo(rangeList(30).stream().map(i -> i + 1).toList());
      assertThat(study.best()).isEqualTo(Study.bestOf(study.trials()));
    }
  }

  @Nested
  class Best {

    @Test
    void isTheLowestCompleteValueAndTheEarliestOnTies() {
      Study study =
          new Study(
              List.of(
                  result(2, TrialState.COMPLETE, 1.0),
                  result(0, TrialState.FAILED, Double.NaN),
                  result(1, TrialState.PRUNED, -5.0),
                  result(3, TrialState.COMPLETE, 1.0),
                  result(4, TrialState.COMPLETE, 2.0)));
      assertThat(study.best().number()).isEqualTo(2);
      assertThat(study.trials()).extracting(TrialResult::number).containsExactly(0, 1, 2, 3, 4);
      assertThat(study.completeCount()).isEqualTo(3);
      assertThat(study.prunedCount()).isEqualTo(1);
      assertThat(study.failedCount()).isEqualTo(1);
    }

    @Test
    void throwsWhenNothingCompleted() {
      Study study = new Study(List.of(result(0, TrialState.FAILED, Double.NaN)));
      assertThatThrownBy(study::best)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no trial completed");
    }

    private TrialResult result(int number, TrialState state, double value) {
      return new TrialResult(number, Map.of(), state, value, -1, 0, null);
    }
  }

  @Nested
  class FailingObjectives {

    @Test
    void failedTrialsAreRecordedAndTheStudyContinues() {
      Study study =
          Tuner.tpe(7)
              .workers(2)
              .build()
              .optimize(
                  SPACE,
                  trial -> {
                    if (trial.number() % 3 == 0) {
                      throw new IllegalStateException("boom " + trial.number());
                    }
                    if (trial.number() % 3 == 1) {
                      return Double.NaN;
                    }
                    return value(trial);
                  },
                  30,
                  null);
      assertThat(study.trials()).hasSize(30);
      assertThat(study.failedCount()).isEqualTo(20);
      assertThat(study.completeCount()).isEqualTo(10);
      TrialResult first = study.trials().get(0);
      assertThat(first.state()).isEqualTo(TrialState.FAILED);
      assertThat(first.value()).isNaN();
      assertThat(first.error()).contains("IllegalStateException").contains("boom 0");
      assertThat(study.trials().get(1).error()).contains("NaN");
      assertThat(study.best().number() % 3).isEqualTo(2);
    }

    @Test
    void failedTrialsDoNotEndTheStartupPhase() {
      AtomicInteger calls = new AtomicInteger();
      Study study =
          Tuner.tpe(7)
              .build()
              .optimize(
                  SPACE,
                  trial -> {
                    calls.incrementAndGet();
                    throw new Exception("always");
                  },
                  12,
                  null);
      assertThat(calls).hasValue(12);
      assertThat(study.failedCount()).isEqualTo(12);
      // all twelve are random draws, identical to a random-search study with the same seed
      assertThat(params(study))
          .isEqualTo(params(Tuner.random(7).build().optimize(SPACE, TunerTests::value, 12, null)));
    }

    @Test
    void anErrorStopsTheStudy() {
      assertThatThrownBy(
              () ->
                  Tuner.tpe(1)
                      .build()
                      .optimize(
                          SPACE,
                          trial -> {
                            throw new AssertionError("broken objective");
                          },
                          5,
                          null))
          .isInstanceOf(AssertionError.class)
          .hasMessage("broken objective");
    }

    @Test
    void aThrowingListenerStopsTheStudy() {
      AtomicInteger calls = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  Tuner.tpe(1)
                      .build()
                      .optimize(
                          SPACE,
                          trial -> {
                            calls.incrementAndGet();
                            return 1.0;
                          },
                          50,
                          (t, n, total, best) -> {
                            throw new IllegalStateException("listener");
                          }))
          .hasMessage("listener");
      assertThat(calls.get()).isLessThan(50);
    }

    @Test
    void invalidSettingsAreRejected() {
      assertThatThrownBy(() -> Tuner.tpe(1).workers(0)).hasMessageContaining("workers");
      assertThatThrownBy(() -> Tuner.tpe(1).candidates(0)).hasMessageContaining("candidates");
      assertThatThrownBy(() -> Tuner.tpe(1).startupTrials(-1))
          .hasMessageContaining("startupTrials");
      assertThatThrownBy(() -> Tuner.tpe(1).pruner(null)).hasMessageContaining("pruner");
      assertThatThrownBy(() -> Tuner.tpe(1).build().optimize(SPACE, t -> 1, -1, null))
          .hasMessageContaining("trials");
      assertThat(Tuner.tpe(1).build().optimize(SPACE, t -> 1, 0, null).trials()).isEmpty();
    }

    @Test
    void trialAccessorsRejectWrongTypesAndNames() {
      Tuner.tpe(1)
          .build()
          .optimize(
              SearchSpace.builder()
                  .floatRange("x", 0, 1)
                  .categorical("c", List.of("a", "b"))
                  .categorical("n", List.of(1L, 2L))
                  .build(),
              trial -> {
                assertThatThrownBy(() -> trial.getInt("x")).hasMessageContaining("not an int");
                assertThatThrownBy(() -> trial.getDouble("c")).hasMessageContaining("not numeric");
                assertThatThrownBy(() -> trial.get("y")).hasMessageContaining("unknown parameter");
                assertThatThrownBy(() -> trial.report(-1, 0)).hasMessageContaining("step");
                assertThat(trial.getInt("n")).isBetween(1, 2);
                assertThat(trial.getDouble("n")).isBetween(1.0, 2.0);
                assertThat(trial.params()).containsKeys("x", "c", "n");
                return 0;
              },
              3,
              null)
          .trials()
          .forEach(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }
  }

  @Nested
  class Pruning {

    /** Reports x at steps 0..4 (higher x is worse), pruning when asked; returns x. */
    private double objective(Trial trial) throws TrialPrunedException {
      double x = trial.getDouble("x");
      for (int step = 0; step < 5; step++) {
        trial.report(step, x + (4 - step));
        if (trial.shouldPrune()) {
          throw new TrialPrunedException();
        }
      }
      return x;
    }

    @Test
    void worseTrialsArePrunedAfterStartup() {
      SearchSpace space = SearchSpace.builder().floatRange("x", 0, 10).build();
      Study study =
          Tuner.random(3)
              .pruner(Pruner.median(5, 0))
              .build()
              .optimize(space, this::objective, 40, null);
      assertThat(study.prunedCount()).isGreaterThan(5);
      assertThat(study.completeCount() + study.prunedCount()).isEqualTo(40);
      List<Double> completedXs = new ArrayList<>();
      for (TrialResult t : study.trials()) {
        double x = (Double) t.params().get("x");
        if (completedXs.size() < 5) {
          assertThat(t.state()).as("start-up trial %d", t.number()).isEqualTo(TrialState.COMPLETE);
        }
        double median = completedXs.isEmpty() ? Double.NaN : median(completedXs);
        if (t.state() == TrialState.PRUNED) {
          // pruned at the first step: its value was above the median of the completed ones
          assertThat(t.lastStep()).isEqualTo(0);
          assertThat(t.value()).isEqualTo(x + 4);
          assertThat(x).isGreaterThan(median);
          assertThat(t.error()).isNull();
        } else {
          assertThat(t.lastStep()).isEqualTo(4);
          assertThat(t.value()).isEqualTo(x);
          if (completedXs.size() >= 5) {
            assertThat(x).isLessThanOrEqualTo(median);
          }
          completedXs.add(x);
        }
      }
    }

    @Test
    void prunedTrialsFeedTheTpeRankingAndStayReproducibleWithWorkers() {
      SearchSpace space = SearchSpace.builder().floatRange("x", 0, 10).build();
      Tuner tuner = Tuner.tpe(4).workers(2).pruner(Pruner.median(5, 1)).build();
      Study a = tuner.optimize(space, jittered(this::objective), 40, null);
      Study b = tuner.optimize(space, jittered(this::objective), 40, null);
      assertThat(params(a)).isEqualTo(params(b));
      assertThat(a.trials())
          .extracting(TrialResult::state)
          .isEqualTo(b.trials().stream().map(TrialResult::state).toList());
      assertThat(a.prunedCount()).isPositive();
      // warm-up 1: nothing is pruned at step 0
      assertThat(a.trials())
          .filteredOn(t -> t.state() == TrialState.PRUNED)
          .allSatisfy(t -> assertThat(t.lastStep()).isEqualTo(1));
      assertThat(a.best().value()).isLessThan(1.0);
    }

    @Test
    void aPrunedTrialWithoutReportsHasNoValue() {
      Study study =
          Tuner.tpe(1)
              .build()
              .optimize(
                  SPACE,
                  trial -> {
                    throw new TrialPrunedException("early");
                  },
                  2,
                  null);
      assertThat(study.prunedCount()).isEqualTo(2);
      assertThat(study.trials().get(0).value()).isNaN();
      assertThat(study.trials().get(0).lastStep()).isEqualTo(-1);
    }

    private double median(List<Double> values) {
      return MedianPruner.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }

  @Nested
  class Interruption {

    @Test
    void interruptingTheCallerStopsTheStudyPromptly() throws Exception {
      CountDownLatch firstDone = new CountDownLatch(1);
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flagAfter = new AtomicReference<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  Tuner.tpe(1)
                      .workers(2)
                      .build()
                      .optimize(
                          SPACE,
                          trial -> {
                            if (trial.number() == 0) {
                              return 1.0;
                            }
                            Thread.sleep(30_000);
                            return 2.0;
                          },
                          100,
                          (t, n, total, best) -> firstDone.countDown());
                } catch (Throwable e) {
                  thrown.set(e);
                }
                flagAfter.set(Thread.currentThread().isInterrupted());
              });
      caller.start();
      assertThat(firstDone.await(10, TimeUnit.SECONDS)).isTrue();
      long t0 = System.nanoTime();
      caller.interrupt();
      caller.join(5_000);
      assertThat(caller.isAlive()).isFalse();
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.0);
      assertThat(thrown.get()).isInstanceOf(TuningInterruptedException.class);
      Study partial = ((TuningInterruptedException) thrown.get()).partialStudy();
      assertThat(partial.trials()).extracting(TrialResult::number).containsExactly(0);
      assertThat(partial.best().value()).isCloseTo(1.0, within(0.0));
      assertThat(flagAfter.get()).isTrue();
    }
  }

  private static List<Integer> rangeList(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }
}
