package com.diamondpricing.server.cli;

import com.diamondpricing.interval.Calibration;
import com.diamondpricing.interval.CoverageReport;
import com.diamondpricing.interval.Segment;
import com.diamondpricing.model.HoldoutEvaluation;
import java.io.PrintWriter;
import java.util.Locale;

/** How a model's ranges covered, overall and per segment, as lines for a person. */
final class CoverageLines {

  private CoverageLines() {}

  /** The evaluation's test coverage and, per segment, its out-of-fold and test coverage. */
  static void print(PrintWriter out, HoldoutEvaluation.Result result) {
    if (result.testCoverage() == null) {
      out.println("  no ranges: too few rows to calibrate them");
      return;
    }
    Calibration c = result.calibration();
    for (double level : Calibration.LEVELS) {
      out.printf(
          Locale.ROOT,
          "  %.0f%% range covers %.1f%% of the test rows, %.1f%% of the training rows out of fold;"
              + " a typical range is +-%.1f%%%n",
          level * 100,
          result.testCoverage().overall().get(level) * 100,
          result.outOfFoldCoverage().overall().get(level) * 100,
          (Math.exp(c.medianHalfWidths().getOrDefault(level, Double.NaN)) - 1) * 100);
    }
    segments(out, result.outOfFoldCoverage(), result.testCoverage());
  }

  /** Per segment: rows and 80%/90% coverage out of fold, then on the test rows. */
  static void segments(PrintWriter out, CoverageReport outOfFold, CoverageReport test) {
    out.println(
        "  coverage by segment    training rows out of fold (80% / 90%)   test rows (80% / 90%)");
    for (Segment s : Segment.all()) {
      var oof = outOfFold.of(s);
      var held =
          test == null ? java.util.Optional.<CoverageReport.SegmentCoverage>empty() : test.of(s);
      if (oof.isEmpty() && held.isEmpty()) {
        continue;
      }
      out.printf(Locale.ROOT, "    %-20s %s   %s%n", s.describe(), cell(oof), cell(held));
    }
  }

  private static String cell(java.util.Optional<CoverageReport.SegmentCoverage> c) {
    if (c.isEmpty()) {
      return String.format(Locale.ROOT, "%28s", "-");
    }
    var s = c.get();
    return String.format(
        Locale.ROOT,
        "%6d rows %6.1f%% / %5.1f%%",
        s.rows(),
        s.coverage().get(0.8) * 100,
        s.coverage().get(0.9) * 100);
  }
}
