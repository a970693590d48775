package com.diamondpricing.model.linear;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.model.Explanation;
import com.diamondpricing.model.MissingFeatureException;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.ProvenanceJson;
import com.diamondpricing.model.TrainedModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted linear model: {@code price = exp(intercept + coefficients . design)}. Immutable and
 * thread-safe. Its artifact is readable JSON: the format, the target, the intercept, the
 * coefficients by feature name, and the provenance.
 */
final class LinearModel implements TrainedModel {

  static final String FORMAT = "diamond-pricing/linear-v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final double intercept;
  private final double[] coefficients;
  private final double[] means; // of the design columns over the training rows; null: not kept
  private final Provenance provenance;

  /**
   * @param means each design column's mean over the training rows, what explanations are measured
   *     from; null for an artifact written before they were kept (it does not explain)
   */
  LinearModel(double intercept, double[] coefficients, double[] means, Provenance provenance) {
    if (coefficients.length != LinearDesign.COLUMNS.size()
        || (means != null && means.length != coefficients.length)) {
      throw new IllegalArgumentException(
          "expected " + LinearDesign.COLUMNS.size() + " coefficients and means");
    }
    this.intercept = intercept;
    this.coefficients = coefficients.clone();
    this.means = means == null ? null : means.clone();
    this.provenance = provenance;
  }

  @Override
  public String type() {
    return LinearModelType.NAME;
  }

  @Override
  public double predict(Diamond d) {
    if (!d.has(Feature.X)) {
      throw new MissingFeatureException(Feature.X, type());
    }
    if (!d.has(Feature.CARAT)) {
      throw new MissingFeatureException(Feature.CARAT, type());
    }
    return Math.exp(LinearDesign.predictor(intercept, coefficients, d));
  }

  @Override
  public double[] predict(List<Diamond> diamonds) {
    double[] out = new double[diamonds.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = predict(diamonds.get(i));
    }
    return out;
  }

  @Override
  public double[] predict(Dataset rows) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = predict(rows.diamond(i));
    }
    return out;
  }

  /**
   * Interventional SHAP values in log space, as shap's {@code LinearExplainer} gives them: a
   * column's value is coefficient * (value - training mean); a grade's one-hot columns add up to
   * one contribution. The baseline is intercept + coefficients . means; exp of the total is the
   * price.
   */
  @Override
  public Optional<Explanation> explain(Diamond d) {
    predict(d); // checks the features
    if (means == null) {
      return Optional.empty();
    }
    double[] row = new double[coefficients.length];
    LinearDesign.fill(d.carat(), d.cut(), d.color(), d.clarity(), d.x(), row);
    double baseline = intercept;
    Map<Feature, Double> contributions = new EnumMap<>(Feature.class);
    for (int c = 0; c < row.length; c++) {
      baseline += coefficients[c] * means[c];
      contributions.merge(
          LinearDesign.feature(c), coefficients[c] * (row[c] - means[c]), Double::sum);
    }
    return Optional.of(new Explanation(Explanation.Scale.LOG_PRICE, baseline, contributions));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  double intercept() {
    return intercept;
  }

  double[] coefficients() {
    return coefficients.clone();
  }

  @Override
  public byte[] artifact() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("target", "log(price)");
    root.put("prediction", "exp(intercept + sum(coefficient * feature))");
    root.put("intercept", intercept);
    ObjectNode coef = root.putObject("coefficients");
    for (int i = 0; i < coefficients.length; i++) {
      coef.put(LinearDesign.COLUMNS.get(i), coefficients[i]);
    }
    if (means != null) {
      ObjectNode m = root.putObject("means");
      for (int i = 0; i < means.length; i++) {
        m.put(LinearDesign.COLUMNS.get(i), means[i]);
      }
    }
    root.set("provenance", JSON.valueToTree(ProvenanceJson.toMap(provenance)));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the linear model cannot be written as JSON", e);
    }
  }

  static LinearModel fromJson(byte[] bytes) throws ModelLoadException {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new ModelLoadException("not a linear model artifact: invalid JSON", e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new ModelLoadException("not a linear model artifact: format is not " + FORMAT);
    }
    JsonNode coef = root.path("coefficients");
    double[] coefficients = new double[LinearDesign.COLUMNS.size()];
    for (int i = 0; i < coefficients.length; i++) {
      JsonNode c = coef.get(LinearDesign.COLUMNS.get(i));
      if (c == null || !c.isNumber()) {
        throw new ModelLoadException(
            "linear model artifact lacks the coefficient of " + LinearDesign.COLUMNS.get(i));
      }
      coefficients[i] = c.asDouble();
    }
    if (!root.path("intercept").isNumber()) {
      throw new ModelLoadException("linear model artifact lacks the intercept");
    }
    double[] means = null;
    JsonNode meanNode = root.path("means");
    if (meanNode.isObject()) {
      means = new double[coefficients.length];
      for (int i = 0; i < means.length; i++) {
        JsonNode m = meanNode.get(LinearDesign.COLUMNS.get(i));
        if (m == null || !m.isNumber()) {
          throw new ModelLoadException(
              "linear model artifact lacks the mean of " + LinearDesign.COLUMNS.get(i));
        }
        means[i] = m.asDouble();
      }
    }
    Map<String, Object> provenance =
        JSON.convertValue(root.path("provenance"), new TypeReference<Map<String, Object>>() {});
    return new LinearModel(
        root.path("intercept").asDouble(), coefficients, means, ProvenanceJson.read(provenance));
  }
}
