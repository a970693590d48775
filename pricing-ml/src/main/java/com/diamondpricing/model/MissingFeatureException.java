package com.diamondpricing.model;

import com.diamondpricing.data.Feature;

/** A diamond lacks a feature the model needs to price it. */
public final class MissingFeatureException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final Feature feature;
  private final String modelType;

  public MissingFeatureException(Feature feature, String modelType) {
    super("the " + modelType + " model needs '" + feature.column() + "', which is missing");
    this.feature = feature;
    this.modelType = modelType;
  }

  public Feature feature() {
    return feature;
  }

  public String modelType() {
    return modelType;
  }
}
