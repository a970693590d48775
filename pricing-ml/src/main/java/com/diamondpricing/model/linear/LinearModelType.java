package com.diamondpricing.model.linear;

import com.diamondpricing.data.Feature;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.Trainer;
import com.diamondpricing.model.TrainingOptions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The notebook's best linear model: ordinary least squares on {@code log(price)} with {@code
 * carat}, {@code x} and the grades one-hot encoded (first level dropped); prices are {@code exp} of
 * the prediction. Solved by QR decomposition (Hipparchus).
 */
public final class LinearModelType implements ModelType {

  public static final String NAME = "linear";

  private static final Set<Feature> FEATURES =
      EnumSet.of(Feature.CARAT, Feature.CUT, Feature.COLOR, Feature.CLARITY, Feature.X);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Least squares on log(price) with carat, x and one-hot cut, color and clarity";
  }

  @Override
  public Set<Feature> features() {
    return FEATURES;
  }

  @Override
  public Set<Feature> requiredFeatures() {
    return FEATURES;
  }

  @Override
  public Trainer trainer(TrainingOptions options) {
    return new LinearTrainer(options);
  }

  @Override
  public TrainedModel load(byte[] artifact) throws ModelLoadException {
    return LinearModel.fromJson(artifact);
  }
}
