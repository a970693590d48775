package com.diamondpricing.server.sparkjobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.model.TrainingProgress;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The job's progress lines, as {@code SparkTrainCommand --progress} prints them. */
class SparkJobsTests {

  @Test
  void aTuningLineIsATrialWithTheBestValidationMaeSoFar() {
    assertThat(SparkJobs.parseProgress("progress tuning 7 100 412.5 3.250"))
        .contains(new TrainingProgress("tuning", 7, 100, 412.5, 3.25));
  }

  @Test
  void aLineBeforeAnyCompletedTrialHasNoBestYet() {
    TrainingProgress p = SparkJobs.parseProgress("progress tuning 1 100 - 0.5").orElseThrow();
    assertThat(p.bestValidationMae()).isNaN();
  }

  @Nested
  class NotProgress {

    @Test
    void theResultDocumentAndSparksOwnLines() {
      assertThat(SparkJobs.parseProgress("[ {")).isEmpty();
      assertThat(SparkJobs.parseProgress("progress of the stage 3")).isEmpty();
    }

    @Test
    void aLineWithAFieldThatIsNotANumber() {
      assertThat(SparkJobs.parseProgress("progress tuning seven 100 1.0 1.0")).isEmpty();
    }
  }
}
