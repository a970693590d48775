package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.model.MissingFeatureException;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.ProvenanceJson;
import com.diamondpricing.model.TrainedModel;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A fitted XGBoost model. Predicts with {@code inplace_predict} (no DMatrix per call), which is
 * thread-safe in xgboost4j 3.2 and later. The native booster is freed by {@link #close()}, or when
 * the model becomes unreachable.
 *
 * <p>The artifact is XGBoost's own JSON, with the provenance as the booster attribute {@value
 * #PROVENANCE_ATTRIBUTE}. xgboost4j 3.1+ writes {@code base_score} as {@code "[v]"}, which XGBoost
 * 1.7 to 3.0 misread without error (every prediction shifted); the artifact writes it as {@code
 * "v"}, which every version reads the same.
 */
final class XgboostModel implements TrainedModel {

  static final String PROVENANCE_ATTRIBUTE = "diamond_pricing_provenance";
  private static final Cleaner CLEANER = Cleaner.create();
  private static final Pattern VECTOR_BASE_SCORE =
      Pattern.compile("\"base_score\"\\s*:\\s*\"\\[([^\\],]+)\\]\"");

  private final Booster booster;
  private final Provenance provenance;
  private final byte[] artifact;
  private final Cleaner.Cleanable cleanable;

  private XgboostModel(Booster booster, Provenance provenance, byte[] artifact) {
    this.booster = booster;
    this.provenance = provenance;
    this.artifact = artifact;
    this.cleanable = CLEANER.register(this, booster::dispose);
  }

  /**
   * Wraps a freshly trained booster: records the provenance in it and fixes its artifact. Takes
   * ownership of the booster.
   */
  static XgboostModel of(Booster booster, Provenance provenance) throws XGBoostError {
    try {
      booster.setAttr(PROVENANCE_ATTRIBUTE, ProvenanceJson.write(provenance));
      byte[] json = portableJson(booster.toByteArray("json"));
      booster.setParam("nthread", 1);
      return new XgboostModel(booster, provenance, json);
    } catch (XGBoostError | RuntimeException e) {
      booster.dispose();
      throw e;
    }
  }

  static XgboostModel load(byte[] artifact) throws ModelLoadException {
    Booster booster;
    try {
      booster = XGBoost.loadModel(artifact);
    } catch (XGBoostError | IOException | RuntimeException e) {
      throw new ModelLoadException("not an XGBoost model: " + e.getMessage(), e);
    }
    try {
      String[] names = booster.getFeatureNames();
      if (!Arrays.equals(names, FeatureMatrix.NAMES)) {
        throw new ModelLoadException(
            "the XGBoost model's features are "
                + Arrays.toString(names)
                + ", not "
                + Arrays.toString(FeatureMatrix.NAMES));
      }
      String provenance = booster.getAttr(PROVENANCE_ATTRIBUTE);
      if (provenance == null) {
        throw new ModelLoadException(
            "the XGBoost model has no " + PROVENANCE_ATTRIBUTE + " attribute");
      }
      booster.setParam("nthread", 1);
      return new XgboostModel(booster, ProvenanceJson.read(provenance), artifact.clone());
    } catch (XGBoostError e) {
      booster.dispose();
      throw new ModelLoadException("the XGBoost model is not usable: " + e.getMessage(), e);
    } catch (ModelLoadException | RuntimeException e) {
      booster.dispose();
      throw e;
    }
  }

  /** XGBoost JSON with {@code base_score} as a plain number string, readable by 1.7 and later. */
  static byte[] portableJson(byte[] json) {
    String text = new String(json, StandardCharsets.UTF_8);
    Matcher m = VECTOR_BASE_SCORE.matcher(text);
    return m.replaceFirst("\"base_score\":\"$1\"").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String type() {
    return XgboostModelType.NAME;
  }

  @Override
  public double predict(Diamond diamond) {
    check(diamond);
    float[] row = new float[FeatureMatrix.COLUMNS];
    FeatureMatrix.fill(diamond, row, 0);
    return predictRows(row, 1)[0];
  }

  @Override
  public double[] predict(List<Diamond> diamonds) {
    diamonds.forEach(this::check);
    return predictRows(FeatureMatrix.rows(diamonds), diamonds.size());
  }

  @Override
  public double[] predict(Dataset rows) {
    return predictRows(FeatureMatrix.rows(rows), rows.size());
  }

  private void check(Diamond d) {
    if (!d.has(Feature.CARAT)) {
      throw new MissingFeatureException(Feature.CARAT, type());
    }
  }

  private double[] predictRows(float[] data, int n) {
    if (n == 0) {
      return new double[0];
    }
    float[][] out;
    try {
      out = booster.inplace_predict(data, n, FeatureMatrix.COLUMNS, Float.NaN);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
    }
    double[] prices = new double[n];
    for (int i = 0; i < n; i++) {
      prices[i] = out[i][0];
    }
    return prices;
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
