package com.diamondpricing.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.model.TrialRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuningSummaryTests {

  private static TrialRecord trial(int number, String state, double seconds) {
    return new TrialRecord(number, Map.of(), state, 1.0, seconds);
  }

  @Test
  void countsTheTrialsByStateAndSumsTheirSeconds() {
    TuningSummary s =
        TuningSummary.of(
            List.of(
                trial(0, "COMPLETE", 2.5),
                trial(1, "PRUNED", 0.5),
                trial(2, "PRUNED", 0.25),
                trial(3, "FAILED", 0.125)));
    assertThat(s).isEqualTo(new TuningSummary(4, 1, 2, 1, 3.375));
    assertThat(s.describe())
        .isEqualTo("4 trials: 1 complete, 2 pruned, 1 failed; 3.4 trial-seconds");
  }

  @Test
  void aModelThatDidNotTuneHasNone() {
    assertThat(TuningSummary.of(List.of())).isNull();
    assertThat(TuningSummary.of(null)).isNull();
  }
}
