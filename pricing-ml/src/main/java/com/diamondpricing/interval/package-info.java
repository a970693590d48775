/**
 * Prediction intervals and how far they can be trusted: conformal calibration on log residuals
 * ({@link com.diamondpricing.interval.Calibration}, fitted by {@code CalibrationFit}), a residual
 * scale learned per stone so ranges adapt ({@code ResidualScale}), coverage measured out of fold by
 * segment ({@link com.diamondpricing.interval.CoverageReport}, {@link
 * com.diamondpricing.interval.Segment}: each cut, colour, clarity and carat band), and the
 * comparables behind the few-comparables warning ({@code Comparables}).
 */
package com.diamondpricing.interval;
