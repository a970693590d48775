package com.diamondpricing.server.registry;

import com.diamondpricing.interval.CoverageReport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * How a model's ranges covered actual prices, overall and in each segment: each cut, colour,
 * clarity, carat band, and the stones with few comparables.
 *
 * @param rows the rows counted
 * @param coverage80 the share inside their 80% range
 * @param coverage90 the share inside their 90% range
 * @param segments each segment with at least one row
 */
@Schema(description = "How often the ranges held the actual price, overall and per segment")
public record CoverageView(
    @Schema(example = "4989") int rows,
    @Schema(example = "0.81") Double coverage80,
    @Schema(example = "0.91") Double coverage90,
    List<SegmentView> segments) {

  /**
   * One segment.
   *
   * @param kind cut, color, clarity, carat or comparables
   * @param level the grade, the carat band (&lt;0.5, 0.5-1, 1-1.5, 1.5-2, &gt;=2) or few
   * @param rows its rows
   * @param coverage80 the share inside their 80% range
   * @param coverage90 the share inside their 90% range
   */
  @Schema(description = "One segment's coverage")
  public record SegmentView(
      @Schema(
              example = "clarity",
              allowableValues = {"cut", "color", "clarity", "carat", "comparables"})
          String kind,
      @Schema(example = "I1") String level,
      @Schema(example = "64") int rows,
      @Schema(example = "0.8") Double coverage80,
      @Schema(example = "0.9") Double coverage90) {}

  /** The view of a report; null for none. */
  public static CoverageView of(CoverageReport r) {
    if (r == null) {
      return null;
    }
    return new CoverageView(
        r.rows(),
        finite(r.overall().get(0.8)),
        finite(r.overall().get(0.9)),
        r.segments().stream()
            .map(
                s ->
                    new SegmentView(
                        s.segment().kind().label(),
                        s.segment().level(),
                        s.rows(),
                        finite(s.coverage().get(0.8)),
                        finite(s.coverage().get(0.9))))
            .toList());
  }

  private static Double finite(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }
}
