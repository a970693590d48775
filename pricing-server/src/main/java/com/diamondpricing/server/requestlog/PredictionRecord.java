package com.diamondpricing.server.requestlog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * One priced diamond of a request, left on the request by the feature that priced it, and written
 * by the request log into {@code prediction} with its request's row (same journal line, same
 * transaction): a prediction on record that a sale can later be joined to. The model is the one
 * named here, or the request's answering model when none is (a batch may mix stones priced by the
 * models of different feature sets).
 *
 * @param predictionId the id the response gave for it
 * @param carat carat
 * @param cut the cut's label
 * @param color the colour's label
 * @param clarity the clarity's label
 * @param depth depth %, or null when left out
 * @param table table %, or null when left out
 * @param x length in mm, or null when left out
 * @param y width in mm, or null when left out
 * @param z depth in mm, or null when left out
 * @param price the price given, in dollars
 * @param lower80 the 80% interval's lower end, or null when the model has no intervals
 * @param upper80 its upper end, or null
 * @param lower90 the 90% interval's lower end, or null
 * @param upper90 its upper end, or null
 * @param modelId the model that priced it, or null for the request's
 * @param modelType its type, or null
 * @param modelVersion its version, or null
 */
public record PredictionRecord(
    String predictionId,
    double carat,
    String cut,
    String color,
    String clarity,
    Double depth,
    Double table,
    Double x,
    Double y,
    Double z,
    double price,
    Double lower80,
    Double upper80,
    Double lower90,
    Double upper90,
    Long modelId,
    String modelType,
    Integer modelVersion) {

  static final String ATTRIBUTE = "diamonds.predictions";

  /** Leaves the request's priced diamonds on it, in their order, for the request log. */
  public static void setOn(HttpServletRequest request, List<PredictionRecord> predictions) {
    request.setAttribute(ATTRIBUTE, List.copyOf(predictions));
  }

  /** The priced diamonds left on the request, or an empty list. */
  @SuppressWarnings("unchecked")
  static List<PredictionRecord> of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof List<?> list
        ? (List<PredictionRecord>) list
        : List.of();
  }
}
