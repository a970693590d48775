package com.diamondpricing.interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Calibration}s and {@link CoverageReport}s as JSON-friendly maps and back (levels and
 * segments as string keys, NaN as null). A calibration written before cross-conformal calibration
 * ({@code rows} and {@code logHalfWidths} only) reads as split conformal.
 */
public final class IntervalJson {

  private IntervalJson() {}

  /** The calibration as a map. */
  public static Map<String, Object> toMap(Calibration c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", c.rows());
    m.put("logHalfWidths", levels(c.halfWidths()));
    if (c.crossConformal()) {
      m.put("method", "cross-conformal");
      m.put("folds", c.folds());
      m.put("medianLogHalfWidths", levels(c.medianHalfWidths()));
      if (c.scale() != null) {
        List<Double> b = new ArrayList<>();
        for (double v : c.scale().coefficients()) {
          b.add(v);
        }
        m.put("scale", b);
      }
      Map<String, Object> segments = new LinkedHashMap<>();
      c.segments().forEach((s, q) -> segments.put(s.key(), levels(q)));
      m.put("segments", segments);
    }
    return m;
  }

  /** The calibration a map of {@link #toMap} holds. */
  @SuppressWarnings("unchecked")
  public static Calibration calibration(Map<String, Object> m) {
    if (m == null) {
      return null;
    }
    int rows = ((Number) m.get("rows")).intValue();
    Map<Double, Double> pooled = byLevel((Map<String, Object>) m.get("logHalfWidths"));
    if (!m.containsKey("folds")) {
      return new Calibration(rows, pooled);
    }
    ResidualScale scale = null;
    if (m.get("scale") instanceof List<?> b) {
      double[] coefficients = new double[b.size()];
      for (int i = 0; i < coefficients.length; i++) {
        coefficients[i] = ((Number) b.get(i)).doubleValue();
      }
      scale = new ResidualScale(coefficients);
    }
    Map<Segment, Map<Double, Double>> segments = new LinkedHashMap<>();
    ((Map<String, Object>) m.getOrDefault("segments", Map.of()))
        .forEach((k, q) -> segments.put(Segment.ofKey(k), byLevel((Map<String, Object>) q)));
    return new Calibration(
        rows,
        pooled,
        ((Number) m.get("folds")).intValue(),
        scale,
        segments,
        byLevel((Map<String, Object>) m.getOrDefault("medianLogHalfWidths", Map.of())));
  }

  /** The report as a map: rows, overall and each segment's rows and coverage. */
  public static Map<String, Object> toMap(CoverageReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", r.rows());
    m.put("overall", levels(r.overall()));
    List<Map<String, Object>> segments = new ArrayList<>();
    for (CoverageReport.SegmentCoverage s : r.segments()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("segment", s.segment().key());
      sm.put("rows", s.rows());
      sm.put("coverage", levels(s.coverage()));
      segments.add(sm);
    }
    m.put("segments", segments);
    return m;
  }

  /** The report a map of {@link #toMap(CoverageReport)} holds. */
  @SuppressWarnings("unchecked")
  public static CoverageReport report(Map<String, Object> m) {
    if (m == null) {
      return null;
    }
    List<CoverageReport.SegmentCoverage> segments = new ArrayList<>();
    for (Object o : (List<Object>) m.getOrDefault("segments", List.of())) {
      Map<String, Object> s = (Map<String, Object>) o;
      segments.add(
          new CoverageReport.SegmentCoverage(
              Segment.ofKey((String) s.get("segment")),
              ((Number) s.get("rows")).intValue(),
              byLevel((Map<String, Object>) s.get("coverage"))));
    }
    return new CoverageReport(
        ((Number) m.get("rows")).intValue(),
        byLevel((Map<String, Object>) m.get("overall")),
        segments);
  }

  private static Map<String, Object> levels(Map<Double, Double> byLevel) {
    Map<String, Object> m = new LinkedHashMap<>();
    byLevel.forEach((level, v) -> m.put(level.toString(), Double.isFinite(v) ? v : null));
    return m;
  }

  private static Map<Double, Double> byLevel(Map<String, Object> m) {
    Map<Double, Double> out = new LinkedHashMap<>();
    if (m != null) {
      m.forEach(
          (level, v) ->
              out.put(Double.valueOf(level), v == null ? Double.NaN : ((Number) v).doubleValue()));
    }
    return out;
  }
}
