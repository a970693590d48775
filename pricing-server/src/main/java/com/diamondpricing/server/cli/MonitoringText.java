package com.diamondpricing.server.cli;

import com.diamondpricing.server.feedback.DriftReport;
import com.diamondpricing.server.feedback.TargetCheck;
import java.util.Locale;

/**
 * The monitoring figures in words, as the monitoring page writes them: a live figure against its
 * target with its 90% interval, n and status; a grade level's sale ratio as "+20% (90% CI +8% to
 * +33%), 17 sales"; a p-value.
 */
final class MonitoringText {

  private MonitoringText() {}

  /** "bias", "80% coverage" or "90% coverage". */
  static String figure(TargetCheck c) {
    return switch (c.figure()) {
      case "coverage80" -> "80% coverage";
      case "coverage90" -> "90% coverage";
      default -> c.figure();
    };
  }

  /**
   * "-5.1% (90% CI -8.0% to -2.2%), target 0%, 120 sales: BAD, priced too low" or "68.3% (90% CI
   * 60.7% to 74.5%), target 80%, 120 sales: BAD, below target: the ranges are too narrow".
   */
  static String check(TargetCheck c) {
    boolean bias = c.figure().equals("bias");
    String interval =
        c.low() == null
            ? ""
            : " (90% CI " + share(c.low(), bias) + " to " + share(c.high(), bias) + ")";
    return String.format(
        Locale.ROOT,
        "%s%s, target %s, %d sales: %s, %s",
        share(c.value(), bias),
        interval,
        bias ? "0%" : String.format(Locale.ROOT, "%.0f%%", c.target() * 100),
        c.n(),
        c.status().toUpperCase(Locale.ROOT),
        c.verdict());
  }

  /** "+20% (90% CI +8% to +33%), 17 sales", or "not enough data (3 of 5 sales)". */
  static String ratio(DriftReport.SegmentDrift s, int minSales) {
    if (s.ratio() == null) {
      return String.format(
          Locale.ROOT, "%s (%d of %d sales)", s.label(), s.sales(), Math.max(2, minSales));
    }
    return String.format(
        Locale.ROOT,
        "%s (90%% CI %s to %s), %d sales",
        change(s.ratio()),
        change(s.ratioLow()),
        change(s.ratioHigh()),
        s.sales());
  }

  /** A ratio as a signed change: 1.2 is "+20%", 0.95 "-5%", 1.004 "+0.4%". */
  static String change(double ratio) {
    double pct = (ratio - 1) * 100;
    return Math.abs(pct) < 1
        ? String.format(Locale.ROOT, "%+.1f%%", pct)
        : String.format(Locale.ROOT, "%+.0f%%", pct);
  }

  /** "p 0.420", "p < 0.001", or "p -" when there is none. */
  static String p(Double p) {
    if (p == null) {
      return "p -      ";
    }
    return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p %.3f  ", p);
  }

  private static String share(Double v, boolean signed) {
    if (v == null) {
      return "-";
    }
    return String.format(Locale.ROOT, signed ? "%+.1f%%" : "%.1f%%", v * 100);
  }
}
