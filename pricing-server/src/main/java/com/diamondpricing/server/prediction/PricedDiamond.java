package com.diamondpricing.server.prediction;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One stone's answer: its price, its intervals, what makes it less sure, and why, when asked.
 *
 * @param price in dollars, rounded to cents
 * @param intervals the 80% and 90% intervals; empty for a model calibrated before they existed
 * @param warnings what is unusual about the stone; empty when nothing is
 * @param explanation why this price; null unless asked for
 * @param model the model that priced it
 * @param features the features that model read
 */
public record PricedDiamond(
    double price,
    List<PriceInterval> intervals,
    List<PriceWarning> warnings,
    @JsonInclude(JsonInclude.Include.NON_NULL) ExplanationView explanation,
    ModelRef model,
    List<String> features) {}
