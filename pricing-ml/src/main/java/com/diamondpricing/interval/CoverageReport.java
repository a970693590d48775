package com.diamondpricing.interval;

import com.diamondpricing.data.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often ranges held the actual price: over all rows and in each {@link Segment}, per level.
 *
 * @param rows the rows counted
 * @param overall per level, the share of the rows inside their range
 * @param segments each segment with at least one row, in {@link Segment#all()} order
 */
public record CoverageReport(
    int rows, Map<Double, Double> overall, List<SegmentCoverage> segments) {

  public CoverageReport {
    overall = Collections.unmodifiableMap(new LinkedHashMap<>(overall));
    segments = List.copyOf(segments);
  }

  /**
   * One segment's coverage.
   *
   * @param segment the segment
   * @param rows its rows
   * @param coverage per level, the share of its rows inside their range
   */
  public record SegmentCoverage(Segment segment, int rows, Map<Double, Double> coverage) {
    public SegmentCoverage {
      coverage = Collections.unmodifiableMap(new LinkedHashMap<>(coverage));
    }
  }

  /** The coverage of a segment, if it had rows. */
  public java.util.Optional<SegmentCoverage> of(Segment segment) {
    return segments.stream().filter(s -> s.segment().equals(segment)).findFirst();
  }

  /**
   * The segments with at least {@code minRows} rows, lowest coverage at the level first: where
   * ranges are least honest.
   */
  public List<SegmentCoverage> worst(double level, int minRows) {
    List<SegmentCoverage> out = new ArrayList<>();
    for (SegmentCoverage s : segments) {
      if (s.rows() >= minRows && s.coverage().containsKey(level)) {
        out.add(s);
      }
    }
    out.sort(java.util.Comparator.comparingDouble(s -> s.coverage().get(level)));
    return out;
  }

  /** Counts rows inside and outside their ranges, overall and per segment. */
  static final class Tally {

    private final Map<Segment, int[]> bySegment = new LinkedHashMap<>();
    private final int[] overall = new int[Calibration.LEVELS.length + 1];

    /**
     * Counts one row: {@code inside[l]} whether its actual price is inside its range at level l.
     */
    void add(Dataset rows, int row, boolean few, boolean[] inside) {
      count(overall, inside);
      for (Segment s : Segment.of(rows, row)) {
        count(bySegment.computeIfAbsent(s, k -> new int[overall.length]), inside);
      }
      if (few) {
        count(
            bySegment.computeIfAbsent(Segment.FEW_COMPARABLES, k -> new int[overall.length]),
            inside);
      }
    }

    private static void count(int[] counts, boolean[] inside) {
      counts[0]++;
      for (int l = 0; l < inside.length; l++) {
        counts[l + 1] += inside[l] ? 1 : 0;
      }
    }

    CoverageReport report() {
      List<SegmentCoverage> segments = new ArrayList<>();
      for (Segment s : Segment.all()) {
        int[] c = bySegment.get(s);
        if (c != null) {
          segments.add(new SegmentCoverage(s, c[0], shares(c)));
        }
      }
      return new CoverageReport(overall[0], shares(overall), segments);
    }

    private static Map<Double, Double> shares(int[] counts) {
      Map<Double, Double> m = new LinkedHashMap<>();
      for (int l = 0; l < Calibration.LEVELS.length; l++) {
        m.put(
            Calibration.LEVELS[l],
            counts[0] == 0 ? Double.NaN : (double) counts[l + 1] / counts[0]);
      }
      return m;
    }
  }
}
