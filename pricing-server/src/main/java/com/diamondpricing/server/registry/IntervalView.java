package com.diamondpricing.server.registry;

import com.diamondpricing.interval.Calibration;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's prediction interval at one level, as the registry shows it.
 *
 * @param level the nominal coverage, 0.8 or 0.9
 * @param logHalfWidth q of a typical stone (the median over the calibration rows): a price p is
 *     given the interval [p e^-q, p e^q], wider where the model errs more
 * @param calibrationRows the held-out rows q was calibrated on
 * @param testCoverage the share of the model's test rows inside their interval (null when not
 *     measured)
 * @param method cross-conformal (out-of-fold residuals, per stone and segment) or split-conformal
 *     (one width for every stone, models registered before)
 */
public record IntervalView(
    double level,
    double logHalfWidth,
    int calibrationRows,
    Double testCoverage,
    @Schema(allowableValues = {"cross-conformal", "split-conformal"}) String method) {

  /** The intervals of a model, by level; empty for a model without intervals. */
  public static List<IntervalView> of(ModelEntry m) {
    Calibration c = m.calibration();
    List<IntervalView> views = new ArrayList<>();
    if (c != null) {
      String method = c.crossConformal() ? "cross-conformal" : "split-conformal";
      c.medianHalfWidths()
          .forEach(
              (level, q) ->
                  views.add(
                      new IntervalView(level, q, c.rows(), m.testCoverage().get(level), method)));
    }
    return views;
  }
}
