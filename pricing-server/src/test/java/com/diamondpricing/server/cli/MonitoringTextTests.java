package com.diamondpricing.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.feedback.DriftReport;
import com.diamondpricing.server.feedback.LiveAccuracyView;
import com.diamondpricing.server.feedback.TargetCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitoring figures as the command line writes them: the same as the monitoring page. */
class MonitoringTextTests {

  static final TargetCheck BIAS =
      new TargetCheck("bias", -0.051, 0, -0.08, -0.022, 120, "bad", "priced too low");
  static final TargetCheck COVERAGE =
      new TargetCheck(
          "coverage80",
          82 / 120.0,
          0.8,
          0.610099133976134,
          0.7484828726832519,
          120,
          "bad",
          "below target: the ranges are too narrow");

  @Test
  void aCheckIsItsFigureIntervalTargetSalesAndStatus() {
    assertThat(MonitoringText.figure(BIAS)).isEqualTo("bias");
    assertThat(MonitoringText.check(BIAS))
        .isEqualTo("-5.1% (90% CI -8.0% to -2.2%), target 0%, 120 sales: BAD, priced too low");
    assertThat(MonitoringText.figure(COVERAGE)).isEqualTo("80% coverage");
    assertThat(MonitoringText.check(COVERAGE))
        .isEqualTo(
            "68.3% (90% CI 61.0% to 74.8%), target 80%, 120 sales: BAD, below target: the ranges"
                + " are too narrow");
  }

  @Test
  void aGradeLevelIsItsChangeWithItsIntervalAndSales() {
    DriftReport.SegmentDrift g =
        new DriftReport.SegmentDrift("color", "G", 17, 1.2, 1.08, 1.33, 1.19, null, "major");
    assertThat(MonitoringText.ratio(g, 5)).isEqualTo("+20% (90% CI +8% to +33%), 17 sales");
    DriftReport.SegmentDrift few =
        new DriftReport.SegmentDrift(
            "color", "D", 3, null, null, null, null, null, "not enough data");
    assertThat(MonitoringText.ratio(few, 5)).isEqualTo("not enough data (3 of 5 sales)");
    assertThat(MonitoringText.change(1.004)).isEqualTo("+0.4%");
    assertThat(MonitoringText.change(0.95)).isEqualTo("-5%");
    assertThat(MonitoringText.p(0.0004)).isEqualTo("p < 0.001");
    assertThat(MonitoringText.p(0.42).trim()).isEqualTo("p 0.420");
  }

  @Test
  void monitoringLivePrintsEachCheck() {
    LiveAccuracyView v =
        new LiveAccuracyView(
            2,
            "xgboost",
            1,
            Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-12-01T00:00:00Z"),
            120,
            30,
            true,
            null,
            351.2,
            190.5,
            0.083,
            -154.0,
            -0.051,
            0.683,
            0.85,
            336.07,
            1.05,
            List.of(BIAS, COVERAGE),
            List.of());
    StringWriter text = new StringWriter();
    MonitoringCommand.Live.print(new PrintWriter(text), v);
    assertThat(text.toString().lines())
        .containsExactly(
            "xgboost v1 (model 2), sold 2026-11-01T00:00:00Z to 2026-12-01T00:00:00Z: 120 sales",
            "  bias          -5.1% (90% CI -8.0% to -2.2%), target 0%, 120 sales: BAD, priced too"
                + " low",
            "  80% coverage  68.3% (90% CI 61.0% to 74.8%), target 80%, 120 sales: BAD, below"
                + " target: the ranges are too narrow",
            "  in dollars    -154.00 a stone (predicted - actual), MAE 351.20 (1.05 x test)");
  }
}
