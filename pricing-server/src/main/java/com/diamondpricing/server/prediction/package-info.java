/**
 * Pricing: the champion of each feature set loaded and followed ({@code ServingModels}, {@code
 * ChampionPoller}), the model a stone's measurements allow chosen ({@code PredictionService}), its
 * price with calibrated ranges, warnings and, when asked, an explanation; the endpoints ({@code
 * PredictionController}), which put every price on record through the {@link
 * com.diamondpricing.server.ledger.PredictionLedger}; the cost limits ({@code PricingBudgets},
 * {@link com.diamondpricing.server.prediction.PricingLimitsProperties}). A stone arrives as a
 * {@code DiamondInput} (grade labels checked by {@link
 * com.diamondpricing.server.prediction.GradeValue}) and is the library's {@code Diamond} from there
 * on.
 */
package com.diamondpricing.server.prediction;
