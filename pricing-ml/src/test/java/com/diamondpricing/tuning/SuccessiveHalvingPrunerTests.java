package com.diamondpricing.tuning;

import static com.diamondpricing.tuning.Fixtures.completeWithSteps;
import static com.diamondpricing.tuning.Fixtures.failed;
import static com.diamondpricing.tuning.Fixtures.pruned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingPrunerTests {

  /** Rungs at 50, 200 and 800, the best quarter on. */
  private static final Pruner HALVING = Pruner.successiveHalving(50, 4, 0);

  /** Seven finished trials with 1 … 7 at step 50 (the first four pruned there). */
  private static final List<FinishedTrial> SEVEN_AT_50 = sevenAt50();

  private static List<FinishedTrial> sevenAt50() {
    List<FinishedTrial> trials = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      double v = i + 1;
      trials.add(
          i < 4
              ? pruned(i, Map.of(50, v))
              : completeWithSteps(i, v - 0.5, Map.of(50, v, 100, v - 0.25)));
    }
    trials.add(failed(7)); // reported nothing: never a competitor
    return trials;
  }

  private static TreeMap<Integer, Double> steps(Object... stepValue) {
    TreeMap<Integer, Double> m = new TreeMap<>();
    for (int i = 0; i < stepValue.length; i += 2) {
      m.put((Integer) stepValue[i], ((Number) stepValue[i + 1]).doubleValue());
    }
    return m;
  }

  @Test
  void rungsGrowByTheReductionFactor() {
    var p = new SuccessiveHalvingPruner(50, 4, 0);
    assertThat(List.of(p.promotionStep(0), p.promotionStep(1), p.promotionStep(2)))
        .containsExactly(50L, 200L, 800L);
    var later = new SuccessiveHalvingPruner(50, 4, 1);
    assertThat(later.promotionStep(0)).isEqualTo(200L);
    assertThat(new SuccessiveHalvingPruner(1 << 20, 1 << 10, 0).promotionStep(2))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void keepsOnlyTheBestQuarterAtARungPrunedTrialsIncluded() {
    // with its own value, 8 competitors: the best 8 / 4 = 2 go on
    assertThat(HALVING.shouldPrune(steps(50, 1.5), SEVEN_AT_50)).isFalse();
    assertThat(HALVING.shouldPrune(steps(50, 2.0), SEVEN_AT_50)).isFalse(); // a tie goes on
    assertThat(HALVING.shouldPrune(steps(50, 2.5), SEVEN_AT_50)).isTrue();
    // the median pruner would keep it: no completed trial did better than 5 at step 50
    assertThat(Pruner.median(0, 0).shouldPrune(steps(50, 2.5), SEVEN_AT_50)).isFalse();
  }

  @Test
  void theFirstTrialsAndTheBestAlwaysGoOn() {
    assertThat(HALVING.shouldPrune(steps(50, 1e9), List.of())).isFalse();
    // 2 competitors: 2 / 4 - 1 < 0, so only the best goes on
    List<FinishedTrial> one = List.of(pruned(0, Map.of(50, 10.0)));
    assertThat(HALVING.shouldPrune(steps(50, 9.0), one)).isFalse();
    assertThat(HALVING.shouldPrune(steps(50, 11.0), one)).isTrue();
  }

  @Test
  void judgesNothingBeforeTheFirstRung() {
    assertThat(HALVING.shouldPrune(steps(49, 1e9), SEVEN_AT_50)).isFalse();
    assertThat(HALVING.shouldPrune(new TreeMap<>(), SEVEN_AT_50)).isFalse();
  }

  @Test
  void aTrialPastARungIsJudgedOnTheFirstValueItReportedThere() {
    // reported at 60 and 100 (not at 50): judged at rung 50 on its value at 60
    assertThat(HALVING.shouldPrune(steps(60, 1.0, 100, 99.0), SEVEN_AT_50)).isFalse();
    assertThat(HALVING.shouldPrune(steps(60, 3.0, 100, 0.0), SEVEN_AT_50)).isTrue();
  }

  @Test
  void aLaterRungComparesOnlyTheTrialsThatReachedIt() {
    List<FinishedTrial> trials = new ArrayList<>(SEVEN_AT_50);
    trials.add(pruned(8, Map.of(50, 1.0, 200, 0.5))); // reached 200
    trials.add(completeWithSteps(9, 0.1, Map.of(50, 1.0, 200, 0.2, 250, 0.15)));
    // at 50: 10 competitors, the best 2 go on (1.0, 1.0): 1.0 ties
    // at 200: only trials 8 and 9 are there (0.5, 0.2): with its own, the best one goes on
    assertThat(HALVING.shouldPrune(steps(50, 1.0, 200, 0.1), trials)).isFalse();
    assertThat(HALVING.shouldPrune(steps(50, 1.0, 200, 0.3), trials)).isTrue();
    // before 800 nothing more is judged
    assertThat(HALVING.shouldPrune(steps(50, 1.0, 200, 0.1, 750, 50.0), trials)).isFalse();
  }

  @Test
  void ignoresCompetitorsWhoseValueThereIsNaN() {
    List<FinishedTrial> trials = List.of(pruned(0, Map.of(50, Double.NaN)));
    assertThat(HALVING.shouldPrune(steps(50, 1e9), trials)).isFalse();
  }

  @Nested
  class Refuses {

    @Test
    void aNaNValueAtARung() {
      assertThat(HALVING.shouldPrune(steps(50, Double.NaN), List.of())).isTrue();
      assertThat(HALVING.shouldPrune(steps(50, 1.0, 200, Double.NaN), List.of())).isTrue();
    }

    @Test
    void settingsOutOfRange() {
      assertThatThrownBy(() -> Pruner.successiveHalving(0, 4, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("minResource");
      assertThatThrownBy(() -> Pruner.successiveHalving(50, 1, 0))
          .hasMessageContaining("reductionFactor");
      assertThatThrownBy(() -> Pruner.successiveHalving(50, 4, -1))
          .hasMessageContaining("minEarlyStoppingRate");
    }
  }
}
