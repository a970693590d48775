package com.diamondpricing.model.xgboost;

import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.ProvenanceJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads an {@link XgboostModel} from its artifact, and checks its Java walk. */
final class XgboostModelReader {

  private static final Logger LOG = LoggerFactory.getLogger(XgboostModel.class);

  private XgboostModelReader() {}

  /**
   * A model from its artifact. The JSON is read in Java (features, provenance, trees); when the
   * walk gives the probe predictions recorded in it, the native booster is left for later. Else (an
   * artifact from before they were recorded, or a walk that does not cover the model) the native
   * library loads it now and the walk is checked against it.
   */
  static XgboostModel read(byte[] artifact) throws ModelLoadException {
    JsonNode learner;
    try {
      learner = TreeEnsemble.JSON.readTree(artifact).path("learner");
    } catch (IOException e) {
      throw new ModelLoadException("not an XGBoost model: " + e.getMessage(), e);
    }
    if (!learner.path("gradient_booster").isObject()) {
      throw new ModelLoadException("not an XGBoost model: it has no learner with a booster");
    }
    FeatureMatrix matrix =
        FeatureMatrix.read(
            texts(learner.path("feature_names")), texts(learner.path("feature_types")));
    JsonNode attributes = learner.path("attributes");
    if (!attributes.path(XgboostModel.PROVENANCE_ATTRIBUTE).isTextual()) {
      throw new ModelLoadException(
          "the XGBoost model has no " + XgboostModel.PROVENANCE_ATTRIBUTE + " attribute");
    }
    Provenance provenance =
        ProvenanceJson.read(attributes.path(XgboostModel.PROVENANCE_ATTRIBUTE).asText());
    byte[] own = artifact.clone();
    TreeEnsemble trees = readTrees(learner, matrix);
    float[] recorded = ProbeCheck.decode(attributes.path(ProbeCheck.ATTRIBUTE).textValue());
    if (trees != null && recorded != null) {
      float[] rows = ProbeCheck.rows(trees, matrix);
      if (ProbeCheck.firstDifference(trees, matrix, rows, recorded) < 0) {
        return new XgboostModel(NativeBooster.lazy(own), provenance, matrix, own, trees);
      }
    }
    Booster booster;
    try {
      booster = XGBoost.loadModel(own);
    } catch (XGBoostError | IOException | RuntimeException e) {
      throw new ModelLoadException("not an XGBoost model: " + e.getMessage(), e);
    }
    try {
      booster.setParam("nthread", 1);
      if (trees != null) {
        float[] rows = ProbeCheck.rows(trees, matrix);
        trees =
            checked(
                trees,
                matrix,
                rows,
                ProbeCheck.firstColumn(
                    booster.inplace_predict(rows, ProbeCheck.ROWS, matrix.columns(), Float.NaN)));
      }
      return new XgboostModel(NativeBooster.of(booster, own), provenance, matrix, own, trees);
    } catch (XGBoostError e) {
      booster.dispose();
      throw new ModelLoadException("the XGBoost model is not usable: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      booster.dispose();
      throw e;
    }
  }

  private static String[] texts(JsonNode array) {
    String[] out = new String[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asText();
    }
    return out;
  }

  /** The trees of the model's JSON for the Java walk, or null when the walk does not cover it. */
  static TreeEnsemble readTrees(JsonNode learner, FeatureMatrix matrix) {
    try {
      return TreeEnsemble.read(learner, matrix.columns());
    } catch (TreeEnsemble.Unsupported e) {
      LOG.info("XGBoost model predicts through the native library: {}", e.getMessage());
      return null;
    }
  }

  /** The trees if they give, on every probe row, the bits the native library gives; else null. */
  static TreeEnsemble checked(
      TreeEnsemble trees, FeatureMatrix matrix, float[] rows, float[] expected) {
    int i = ProbeCheck.firstDifference(trees, matrix, rows, expected);
    if (i < 0) {
      return trees;
    }
    LOG.warn(
        "XGBoost model predicts through the native library: on probe row {} the Java walk gives {},"
            + " the native library {}",
        i,
        trees.predict(rows, i * matrix.columns()),
        expected[i]);
    return null;
  }
}
