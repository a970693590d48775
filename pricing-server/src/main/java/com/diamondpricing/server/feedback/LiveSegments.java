package com.diamondpricing.server.feedback;

import com.diamondpricing.interval.Segment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often the ranges given held the actual sale price, per segment of the sold stones: each cut,
 * colour, clarity and carat band. Where a model is most exposed (I1, Fair, heavy stones), this is
 * what tells whether its ranges were honest there. Each share is checked against its target with
 * its interval ({@link TargetCheck}): a segment of a few sales is not called off target by chance.
 */
final class LiveSegments {

  private LiveSegments() {}

  /**
   * One segment's sales.
   *
   * @param kind cut, color, clarity or carat
   * @param level the grade or the carat band
   * @param sales sales of its stones in the window
   * @param coverage80 the share of those given an 80% range whose actual price was inside it, or
   *     null when none was given one
   * @param coverage90 the same for the 90% range
   * @param checks coverage80 and coverage90 against their targets, each with its interval, n and
   *     status (those given)
   */
  @Schema(description = "A segment's live coverage")
  record SegmentLive(
      @Schema(
              example = "clarity",
              allowableValues = {"cut", "color", "clarity", "carat"})
          String kind,
      @Schema(example = "I1") String level,
      @Schema(example = "14") int sales,
      @Schema(example = "0.79") Double coverage80,
      @Schema(example = "0.86") Double coverage90,
      List<TargetCheck> checks) {}

  /** Each segment with sales, in {@link Segment#all()} order. */
  static List<SegmentLive> of(List<SaleStore.SoldPrediction> sales) {
    Map<Segment, int[]> counts = new LinkedHashMap<>();
    for (SaleStore.SoldPrediction s : sales) {
      for (Segment segment : segments(s)) {
        int[] c = counts.computeIfAbsent(segment, k -> new int[5]);
        c[0]++;
        if (s.lower80() != null && s.upper80() != null) {
          c[1]++;
          c[2] += s.actual() >= s.lower80() && s.actual() <= s.upper80() ? 1 : 0;
        }
        if (s.lower90() != null && s.upper90() != null) {
          c[3]++;
          c[4] += s.actual() >= s.lower90() && s.actual() <= s.upper90() ? 1 : 0;
        }
      }
    }
    List<SegmentLive> out = new ArrayList<>();
    for (Segment segment : Segment.all()) {
      int[] c = counts.get(segment);
      if (c != null) {
        List<TargetCheck> checks = new ArrayList<>(2);
        if (c[1] > 0) {
          checks.add(TargetCheck.coverage("coverage80", 0.8, c[2], c[1]));
        }
        if (c[3] > 0) {
          checks.add(TargetCheck.coverage("coverage90", 0.9, c[4], c[3]));
        }
        out.add(
            new SegmentLive(
                segment.kind().label(),
                segment.level(),
                c[0],
                c[1] == 0 ? null : (double) c[2] / c[1],
                c[3] == 0 ? null : (double) c[4] / c[3],
                List.copyOf(checks)));
      }
    }
    return out;
  }

  private static List<Segment> segments(SaleStore.SoldPrediction s) {
    return Segment.of(s.stone());
  }
}
