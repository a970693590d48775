package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.model.Explanation;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.MissingFeatureException;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.ProvenanceJson;
import com.diamondpricing.model.TrainedModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A fitted XGBoost model. Predicts by walking its trees in Java ({@link TreeEnsemble}), which gives
 * XGBoost's own floats at a small fraction of the cost of a native call per diamond; each model
 * checks that on a thousand probe rows when it is made ({@link ProbeCheck}: against the native
 * predictions recorded in the artifact at training, else against the native library). A model the
 * Java walk does not cover, or that fails the check, predicts with the native {@code
 * inplace_predict} (thread-safe in xgboost4j 3.2 and later). A model the recorded probe vouches for
 * loads its native booster only when the native library is asked ({@link NativeBooster}). The
 * native booster is freed by {@link #close()}, or when the model becomes unreachable.
 *
 * <p>The artifact is XGBoost's own JSON, with the provenance as the booster attribute {@value
 * #PROVENANCE_ATTRIBUTE}. xgboost4j 3.1+ writes {@code base_score} as {@code "[v]"}, which XGBoost
 * 1.7 to 3.0 misread without error (every prediction shifted); the artifact writes it as {@code
 * "v"}, which every version reads the same.
 */
final class XgboostModel implements TrainedModel {

  static final String PROVENANCE_ATTRIBUTE = "diamond_pricing_provenance";
  private static final Cleaner CLEANER = Cleaner.create();
  private static final ObjectMapper JSON = TreeEnsemble.JSON;
  private static final Pattern VECTOR_BASE_SCORE =
      Pattern.compile("\"base_score\"\\s*:\\s*\"\\[([^\\],]+)\\]\"");

  private final NativeBooster booster;
  private final XgboostRecipe target;
  private final FeatureMatrix matrix;
  private final Provenance provenance;
  private final byte[] artifact;
  private final TreeEnsemble trees; // null: predict through the native library
  private final Cleaner.Cleanable cleanable;
  private volatile Object shap; // TreeShap, built on the first explanation; NATIVE when too large
  private static final Object NATIVE = new Object();

  XgboostModel(
      NativeBooster booster,
      Provenance provenance,
      FeatureMatrix matrix,
      byte[] artifact,
      TreeEnsemble trees) {
    this.booster = booster;
    this.target = XgboostRecipe.of(provenance.modelType());
    this.matrix = matrix;
    this.provenance = provenance;
    this.artifact = artifact;
    this.trees = trees;
    this.cleanable = CLEANER.register(this, booster);
  }

  /**
   * Wraps a freshly trained booster: records the provenance in it and the native predictions on the
   * probe rows, and fixes its artifact. Takes ownership of the booster.
   */
  static XgboostModel of(Booster booster, Provenance provenance, FeatureMatrix matrix)
      throws XGBoostError {
    try {
      booster.setAttr(PROVENANCE_ATTRIBUTE, ProvenanceJson.write(provenance));
      byte[] json = portableJson(booster.toByteArray("json"));
      TreeEnsemble trees = XgboostModelReader.readTrees(learner(json), matrix);
      if (trees != null) {
        float[] rows = ProbeCheck.rows(trees, matrix);
        float[][] expected =
            booster.inplace_predict(rows, ProbeCheck.ROWS, matrix.columns(), Float.NaN);
        trees = XgboostModelReader.checked(trees, matrix, rows, ProbeCheck.firstColumn(expected));
        if (trees != null) {
          booster.setAttr(ProbeCheck.ATTRIBUTE, ProbeCheck.encode(expected));
          json = portableJson(booster.toByteArray("json"));
        }
      }
      booster.setParam("nthread", 1);
      return new XgboostModel(NativeBooster.of(booster, json), provenance, matrix, json, trees);
    } catch (XGBoostError | RuntimeException e) {
      booster.dispose();
      throw e;
    }
  }

  private static JsonNode learner(byte[] json) {
    try {
      return JSON.readTree(json).path("learner");
    } catch (IOException e) {
      throw new IllegalStateException("XGBoost wrote a model that is not JSON", e);
    }
  }

  /** A model of the {@code expected} type from its artifact. */
  static XgboostModel load(byte[] artifact, XgboostRecipe expected) throws ModelLoadException {
    XgboostModel model = load(artifact);
    if (!model.type().equals(expected.typeName())) {
      model.close();
      throw new ModelLoadException(
          "the artifact is an " + model.type() + " model, not " + expected.typeName());
    }
    return model;
  }

  /** A model from its artifact ({@link XgboostModelReader}). */
  static XgboostModel load(byte[] artifact) throws ModelLoadException {
    return XgboostModelReader.read(artifact);
  }

  /** XGBoost JSON with {@code base_score} as a plain number string, readable by 1.7 and later. */
  static byte[] portableJson(byte[] json) {
    String text = new String(json, StandardCharsets.UTF_8);
    Matcher m = VECTOR_BASE_SCORE.matcher(text);
    return m.replaceFirst("\"base_score\":\"$1\"").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String type() {
    return target.typeName();
  }

  @Override
  public FeatureSet featureSet() {
    return matrix.featureSet();
  }

  /** The columns the model reads. */
  FeatureMatrix matrix() {
    return matrix;
  }

  @Override
  public double predict(Diamond diamond) {
    check(diamond);
    float[] row = matrix.row(diamond);
    return target.price(trees != null ? trees.predict(row, 0) : predictNative(row, 1)[0]);
  }

  @Override
  public double[] predict(List<Diamond> diamonds) {
    diamonds.forEach(this::check);
    return predictRows(matrix.rows(diamonds), diamonds.size());
  }

  @Override
  public double[] predict(Dataset rows) {
    return predictRows(matrix.rows(rows), rows.size());
  }

  /**
   * TreeSHAP values, in dollars for a model on price and in log dollars for a model on log(price)
   * (the trees' own scale). The tables are built on the first call (a fraction of a second for 580
   * trees); a model the Java walk does not cover asks the native library ({@code predictContrib}, a
   * few milliseconds).
   */
  @Override
  public Optional<Explanation> explain(Diamond diamond) {
    check(diamond);
    float[] row = matrix.row(diamond);
    int columns = matrix.columns();
    double[] phi = new double[columns];
    double bias;
    TreeShap tables = trees == null ? null : shap();
    if (tables != null) {
      tables.explain(row, 0, phi);
      bias = tables.bias();
    } else {
      float[] values = contributionsNative(row, 1)[0];
      for (int f = 0; f < phi.length; f++) {
        phi[f] = values[f];
      }
      bias = values[columns];
    }
    Map<Feature, Double> contributions = new EnumMap<>(Feature.class);
    for (int f = 0; f < phi.length; f++) {
      contributions.put(matrix.feature(f), phi[f]);
    }
    Explanation.Scale scale =
        target.logPrice() ? Explanation.Scale.LOG_PRICE : Explanation.Scale.PRICE;
    return Optional.of(new Explanation(scale, bias, contributions));
  }

  /** The TreeSHAP tables, or null when they would be too large (then the native library). */
  private TreeShap shap() {
    Object tables = shap;
    if (tables == null) {
      synchronized (this) {
        tables = shap;
        if (tables == null) {
          TreeShap built = TreeShap.of(trees, matrix.columns());
          tables = built == null ? NATIVE : built;
          shap = tables;
        }
      }
    }
    return tables == NATIVE ? null : (TreeShap) tables;
  }

  /** Refuses a stone without a feature the model reads: it never saw one missing. */
  private void check(Diamond d) {
    for (int j = 0; j < matrix.columns(); j++) {
      Feature f = matrix.feature(j);
      if (!d.has(f)) {
        throw new MissingFeatureException(f, type());
      }
    }
  }

  /** Prices for {@code n} rows of the feature matrix. */
  double[] predictRows(float[] data, int n) {
    double[] prices = trees == null ? predictNative(data, n) : new double[n];
    for (int i = 0; i < n; i++) {
      double margin = trees == null ? prices[i] : trees.predict(data, i * matrix.columns());
      prices[i] = target.price(margin);
    }
    return prices;
  }

  /** Whether predictions come from the Java walk of the trees (else the native library). */
  boolean predictsInJava() {
    return trees != null;
  }

  /**
   * The trees' sums by the native library, whichever way the model predicts (the price for a model
   * on price, its log for a model on log(price)).
   */
  double[] predictNative(float[] data, int n) {
    if (n == 0) {
      return new double[0];
    }
    float[][] out;
    try {
      out = booster.get().inplace_predict(data, n, matrix.columns(), Float.NaN);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
    }
    double[] prices = new double[n];
    for (int i = 0; i < n; i++) {
      prices[i] = out[i][0];
    }
    return prices;
  }

  /**
   * XGBoost's own SHAP values ({@code predictContrib}) for {@code n} rows: per row one value per
   * feature column, then the bias. The oracle {@link TreeShap} is tested against; too slow to serve
   * (a DMatrix per call).
   */
  float[][] contributionsNative(float[] data, int n) {
    DMatrix m = null;
    try {
      m = matrix.unlabelled(data, n);
      return booster.get().predictContrib(m, 0);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost could not explain: " + e.getMessage(), e);
    } finally {
      if (m != null) {
        m.dispose();
      }
    }
  }

  /** Whether the native booster is in memory (loaded, or never let go since training). */
  boolean nativeLoaded() {
    return booster.loaded();
  }

  /** The trees walked in Java, or null when the model predicts natively. */
  TreeEnsemble trees() {
    return trees;
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public byte[] artifact() {
    return artifact.clone();
  }

  @Override
  public void close() {
    cleanable.clean();
  }
}
