package com.diamondpricing.model.xgboost;

import java.io.IOException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A model's native booster: the one it was trained as, or loaded from its artifact the first time
 * the native library is asked (a model the Java walk serves may never need it: loading XGBoost's
 * JSON natively is most of the time a load would otherwise take). Run by the model's cleaner, it
 * frees the booster; asked afterwards, it refuses.
 */
final class NativeBooster implements Runnable {

  private final byte[] artifact;
  private Booster booster; // guarded by this
  private boolean closed; // guarded by this

  private NativeBooster(Booster booster, byte[] artifact) {
    this.booster = booster;
    this.artifact = artifact;
  }

  /** A booster already in native memory; this holder owns it. */
  static NativeBooster of(Booster booster, byte[] artifact) {
    return new NativeBooster(booster, artifact);
  }

  /** A booster loaded from the artifact when first needed. */
  static NativeBooster lazy(byte[] artifact) {
    return new NativeBooster(null, artifact);
  }

  /** The booster, loaded now if it was not (with one thread, as the models predict). */
  synchronized Booster get() throws XGBoostError {
    if (closed) {
      throw new XGBoostError("the model is closed");
    }
    if (booster == null) {
      Booster loaded;
      try {
        loaded = XGBoost.loadModel(artifact);
      } catch (IOException e) {
        throw new XGBoostError("the model cannot be read: " + e.getMessage());
      }
      loaded.setParam("nthread", 1);
      booster = loaded;
    }
    return booster;
  }

  /** Whether the booster is in native memory now. */
  synchronized boolean loaded() {
    return booster != null;
  }

  @Override
  public synchronized void run() {
    closed = true;
    if (booster != null) {
      booster.dispose();
      booster = null;
    }
  }
}
