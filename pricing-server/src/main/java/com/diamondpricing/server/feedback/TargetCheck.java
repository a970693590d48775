package com.diamondpricing.server.feedback;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A live figure against its target, read with its uncertainty: the figure, the target, its 90%
 * interval, n, and a status (ok, warn or bad) with words that say why, so that pages need not
 * colour alone to say it.
 *
 * <ul>
 *   <li><b>bias</b>: how far the prices given were above (+) or below (-) the sale prices, as a
 *       fraction: the geometric mean of predicted / actual, minus 1, with its Student's t interval
 *       on the log ratios; target 0. ok when the interval holds 0 or the bias is under {@value
 *       #BIAS_WARN} (as a fraction); bad when the interval excludes 0 and the bias is {@value
 *       #BIAS_BAD} or more; warn between.
 *   <li><b>coverage80</b>, <b>coverage90</b>: the share of sales whose price was inside the 80%
 *       (90%) range given, with its Wilson interval; target 0.8 (0.9). ok when the interval holds
 *       the target or the share is within {@value #COVERAGE_WARN} of it; bad when the interval
 *       excludes the target and the share is {@value #COVERAGE_BAD} or more below it (ranges too
 *       narrow: prices outside them more often than they say); warn otherwise (a small shortfall,
 *       or ranges wider than they need be).
 * </ul>
 *
 * @param figure bias, coverage80 or coverage90
 * @param value the figure (a fraction), or null when no sale had it
 * @param target what it should be
 * @param low the lower end of its 90% interval, or null
 * @param high its upper end, or null
 * @param n the sales it is measured on
 * @param status ok, warn or bad
 * @param verdict what the status means, in words
 */
@Schema(description = "A live figure against its target, with its 90% interval, n and a status")
public record TargetCheck(
    @Schema(
            example = "coverage80",
            allowableValues = {"bias", "coverage80", "coverage90"})
        String figure,
    @Schema(
            example = "0.683",
            description =
                "the figure, a fraction: bias is the geometric mean of predicted / actual minus 1"
                    + " (above zero the prices were too high); coverage the share of sale prices"
                    + " inside the range")
        Double value,
    @Schema(example = "0.8") double target,
    @Schema(example = "0.607", description = "the lower end of its 90% interval") Double low,
    @Schema(example = "0.745", description = "the upper end of its 90% interval") Double high,
    @Schema(example = "120") int n,
    @Schema(
            example = "bad",
            description =
                "ok: within noise or close to target; warn: beyond noise, a small miss or ranges"
                    + " wider than needed; bad: beyond noise and far off (bias 5% or more, coverage"
                    + " 5 points or more short)",
            allowableValues = {"ok", "warn", "bad"})
        String status,
    @Schema(example = "below target: the ranges are too narrow") String verdict) {

  static final double BIAS_WARN = 0.02;
  static final double BIAS_BAD = 0.05;
  static final double COVERAGE_WARN = 0.02;
  static final double COVERAGE_BAD = 0.05;
  static final String OK = "ok";
  static final String WARN = "warn";
  static final String BAD = "bad";

  /**
   * The bias check of the sales' log(predicted / actual) values, or null when there are none.
   *
   * @param logRatios each sale's log(predicted / actual)
   */
  static TargetCheck bias(double[] logRatios) {
    if (logRatios.length == 0) {
      return null;
    }
    Sampling.MeanInterval m = Sampling.tInterval(logRatios, Sampling.LEVEL);
    double value = Math.expm1(m.mean());
    boolean known = !Double.isNaN(m.low());
    Double low = known ? Math.expm1(m.low()) : null;
    Double high = known ? Math.expm1(m.high()) : null;
    String direction = value > 0 ? "priced too high" : "priced too low";
    String status;
    String verdict;
    if (!known) {
      status = OK;
      verdict = "too few sales to tell";
    } else if (!m.excludes(0)) {
      status = OK;
      verdict = "no bias beyond chance";
    } else if (Math.abs(value) < BIAS_WARN) {
      status = OK;
      verdict = "a small bias (under 2%)";
    } else if (Math.abs(value) < BIAS_BAD) {
      status = WARN;
      verdict = direction;
    } else {
      status = BAD;
      verdict = direction;
    }
    return new TargetCheck("bias", value, 0, low, high, logRatios.length, status, verdict);
  }

  /**
   * The coverage check of a range level: {@code inside} of {@code ranged} sales given that range
   * sold inside it; null when none was given one.
   */
  static TargetCheck coverage(String figure, double target, int inside, int ranged) {
    if (ranged == 0) {
      return null;
    }
    double value = (double) inside / ranged;
    double[] interval = Sampling.wilson(inside, ranged, Sampling.LEVEL);
    boolean holds = interval[0] <= target && target <= interval[1];
    double miss = value - target;
    String status;
    String verdict;
    if (holds) {
      status = OK;
      verdict = "on target";
    } else if (Math.abs(miss) <= COVERAGE_WARN) {
      status = OK;
      verdict = "close to target";
    } else if (miss < 0) {
      status = miss <= -COVERAGE_BAD ? BAD : WARN;
      verdict = "below target: the ranges are too narrow";
    } else {
      status = WARN;
      verdict = "above target: the ranges are wider than needed";
    }
    return new TargetCheck(
        figure, value, target, interval[0], interval[1], ranged, status, verdict);
  }
}
