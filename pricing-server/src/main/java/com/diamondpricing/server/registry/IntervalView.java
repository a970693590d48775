package com.diamondpricing.server.registry;

import com.diamondpricing.interval.Calibration;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's prediction interval at one level, as the registry shows it.
 *
 * @param level the nominal coverage, 0.8 or 0.9
 * @param logHalfWidth q: a price p is given the interval [p e^-q, p e^q]
 * @param calibrationRows the held-out rows q was calibrated on
 * @param testCoverage the share of the model's test rows inside their interval (null when not
 *     measured)
 */
public record IntervalView(
    double level, double logHalfWidth, int calibrationRows, Double testCoverage) {

  /** The intervals of a model, by level; empty for a model without intervals. */
  public static List<IntervalView> of(ModelEntry m) {
    Calibration c = m.provenance().calibration();
    List<IntervalView> views = new ArrayList<>();
    if (c != null) {
      c.halfWidths()
          .forEach(
              (level, q) ->
                  views.add(new IntervalView(level, q, c.rows(), m.testCoverage().get(level))));
    }
    return views;
  }
}
