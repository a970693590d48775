package com.diamondpricing.tuning;

import static com.diamondpricing.tuning.Fixtures.completeWithSteps;
import static com.diamondpricing.tuning.Fixtures.pruned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MedianPrunerTests {

  private static final List<FinishedTrial> THREE_COMPLETE =
      List.of(
          completeWithSteps(0, 1.0, Map.of(0, 10.0, 1, 5.0), 0),
          completeWithSteps(1, 1.0, Map.of(0, 20.0, 1, 6.0), 0),
          completeWithSteps(2, 1.0, Map.of(0, 30.0), 0),
          pruned(3, Map.of(0, 0.0, 1, -50.0, 2, -50.0), 0));

  private static TreeMap<Integer, Double> values(double... byStep) {
    TreeMap<Integer, Double> m = new TreeMap<>();
    for (int i = 0; i < byStep.length; i++) {
      m.put(i, byStep[i]);
    }
    return m;
  }

  @Test
  void prunesAboveTheMedianOfCompletedTrialsAtTheSameStep() {
    Pruner p = Pruner.median(3, 0);
    assertThat(p.shouldPrune(values(20.5), THREE_COMPLETE)).isTrue(); // median 20
    assertThat(p.shouldPrune(values(20.0), THREE_COMPLETE)).isFalse(); // not strictly worse
    // step 1: only trials 0 and 1 reported (the pruned trial 3 never counts): median 5.5
    assertThat(p.shouldPrune(values(0, 5.6), THREE_COMPLETE)).isTrue();
    assertThat(p.shouldPrune(values(100, 5.4), THREE_COMPLETE)).isFalse(); // latest value only
    // step 2: no completed trial reported it
    assertThat(p.shouldPrune(values(100, 100, 100), THREE_COMPLETE)).isFalse();
    assertThat(p.shouldPrune(values(Double.NaN), THREE_COMPLETE)).isTrue();
    assertThat(p.shouldPrune(new TreeMap<>(), THREE_COMPLETE)).isFalse();
  }

  @Test
  void waitsForStartupTrialsAndWarmupSteps() {
    assertThat(Pruner.median(4, 0).shouldPrune(values(1000), THREE_COMPLETE)).isFalse();
    assertThat(Pruner.median(3, 1).shouldPrune(values(1000), THREE_COMPLETE)).isFalse();
    assertThat(Pruner.median(3, 1).shouldPrune(values(0, 1000), THREE_COMPLETE)).isTrue();
    assertThat(Pruner.median(0, 0).shouldPrune(values(1000), List.of())).isFalse();
    assertThat(Pruner.none().shouldPrune(values(1000), THREE_COMPLETE)).isFalse();
  }

  @Test
  void medianIsNumpysPercentile50() {
    assertThat(MedianPruner.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(MedianPruner.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    assertThat(MedianPruner.median(new double[] {7})).isEqualTo(7);
  }

  @Test
  void rejectsNegativeSettings() {
    assertThatThrownBy(() -> Pruner.median(-1, 0)).hasMessageContaining("startupTrials");
    assertThatThrownBy(() -> Pruner.median(0, -1)).hasMessageContaining("warmupSteps");
  }
}
