package com.diamondpricing.tuning;

import static com.diamondpricing.tuning.Fixtures.complete;
import static com.diamondpricing.tuning.Fixtures.failed;
import static com.diamondpricing.tuning.Fixtures.pruned;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The below/above split (A.4) and the start-up switch (A.3, A.10). */
class TpeSamplerTests {

  @Test
  void tenTrialsPutOneBelowElevenPutTwo() {
    List<FinishedTrial> trials = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      trials.add(complete(i, 10 - i, i));
    }
    assertThat(TpeSampler.split(trials.subList(0, 10)).below())
        .extracting(FinishedTrial::number)
        .containsExactly(9);
    TpeSampler.Split split = TpeSampler.split(trials);
    assertThat(split.below()).extracting(FinishedTrial::number).containsExactly(9, 10);
    assertThat(split.above()).hasSize(9);
  }

  @Test
  void belowNeverExceeds25() {
    List<FinishedTrial> trials = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      trials.add(complete(i, Math.sin(i), i));
    }
    assertThat(TpeSampler.split(trials).below()).hasSize(25);
  }

  @Test
  void completeTrialsRankBeforePrunedOnesAndTiesKeepTrialOrder() {
    List<FinishedTrial> trials =
        List.of(
            pruned(0, Map.of(0, 0.1, 1, 0.2), 0), // step 1, 0.2
            complete(1, 5.0, 1),
            pruned(2, Map.of(0, -100.0), 2), // step 0
            complete(3, 5.0, 3), // ties with 1: 1 ranks first
            pruned(4, Map.of(0, 0.3, 1, 0.1), 4), // step 1, 0.1: best pruned
            pruned(5, Map.of(), 5), // no values: last
            pruned(6, Map.of(0, 0.0, 1, Double.NaN), 6), // step 1, NaN counts as +inf
            complete(7, 9.0, 7),
            complete(8, 1.0, 8),
            complete(9, 3.0, 9),
            complete(10, 4.0, 10),
            complete(11, 6.0, 11),
            complete(12, 7.0, 12),
            complete(13, 8.0, 13),
            complete(14, 10.0, 14),
            complete(15, 11.0, 15),
            complete(16, 12.0, 16),
            complete(17, 13.0, 17),
            complete(18, 14.0, 18),
            complete(19, 15.0, 19),
            complete(20, 16.0, 20));
    // n = 21 -> gamma 3: trials 8 (1.0), 9 (3.0), 10 (4.0)
    assertThat(TpeSampler.split(trials).below())
        .extracting(FinishedTrial::number)
        .containsExactly(8, 9, 10);

    // only pruned trials and two complete ties: the ranking order is visible through gamma = 5
    List<FinishedTrial> fewComplete =
        new ArrayList<>(List.of(trials.get(0), trials.get(1), trials.get(2), trials.get(3)));
    fewComplete.addAll(List.of(trials.get(4), trials.get(5), trials.get(6)));
    for (int i = 0; i < 34; i++) {
      fewComplete.add(pruned(100 + i, Map.of(0, 1000.0 + i), 0));
    }
    // 41 trials -> gamma 5: complete 1, 3, then pruned at step 1: 4 (0.1), 0 (0.2), 6 (NaN)
    assertThat(TpeSampler.split(fewComplete).below())
        .extracting(FinishedTrial::number)
        .containsExactly(0, 1, 3, 4, 6);
  }

  @Test
  void failedTrialsAreIgnoredAndDoNotCountForStartup() {
    SearchSpace space = SearchSpace.builder().floatRange("x", 0, 1).build();
    List<FinishedTrial> history = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      history.add(complete(i, i, i / 10.0));
    }
    for (int i = 9; i < 20; i++) {
      history.add(failed(i, 0.5));
    }
    // 9 usable < 10 startup: the TPE draw equals the random sampler's draw with the same seed
    double random = new RandomSampler(11).sample(space, List.of())[0];
    assertThat(new TpeSampler(11, 10, 24).sample(space, history)[0]).isEqualTo(random);
    history.add(complete(20, -1, 0.95));
    assertThat(new TpeSampler(11, 10, 24).sample(space, history)[0]).isNotEqualTo(random);
  }

  @Test
  void tpePhaseSamplesNearTheBestTrials() {
    SearchSpace space =
        SearchSpace.builder()
            .floatRange("x", 0, 10)
            .categorical("c", List.of("a", "b", "c"))
            .build();
    List<FinishedTrial> history = new ArrayList<>();
    double[] xs = {1, 9, 4, 6.5, 2.5, 8, 3, 7, 5.5, 0.5, 3.6};
    for (int i = 0; i < xs.length; i++) {
      double c = i == 2 || i == 10 ? 2 : i % 2;
      history.add(complete(i, (xs[i] - 3.5) * (xs[i] - 3.5) + (c == 2 ? 0 : 1), xs[i], c));
    }
    TpeSampler sampler = new TpeSampler(5, 10, 24);
    int nearBest = 0;
    int chooseC = 0;
    for (int i = 0; i < 200; i++) {
      double[] s = sampler.sample(space, history);
      if (s[0] > 2 && s[0] < 5.5) {
        nearBest++;
      }
      if (s[1] == 2) {
        chooseC++;
      }
    }
    assertThat(nearBest).isGreaterThan(150);
    // "c" wins as soon as one of the 24 candidates is "c" (A.7)
    assertThat(chooseC).isGreaterThan(190);
  }
}
