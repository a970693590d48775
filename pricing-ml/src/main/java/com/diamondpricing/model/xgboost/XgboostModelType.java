package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Feature;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.Trainer;
import com.diamondpricing.model.TrainingOptions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The notebook's XGBoost regressor on price: all nine features, the grades as categorical features,
 * the {@code hist} tree method, hyperparameters tuned by TPE on an inner split of the training
 * part. Absent measurements are treated as missing values, so only the carat and the grades are
 * required to price a diamond.
 */
public final class XgboostModelType implements ModelType {

  public static final String NAME = "xgboost";

  private static final Set<Feature> REQUIRED =
      EnumSet.of(Feature.CARAT, Feature.CUT, Feature.COLOR, Feature.CLARITY);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "XGBoost on price with categorical grades, hyperparameters tuned by TPE";
  }

  @Override
  public Set<Feature> features() {
    return EnumSet.allOf(Feature.class);
  }

  @Override
  public Set<Feature> requiredFeatures() {
    return REQUIRED;
  }

  @Override
  public Trainer trainer(TrainingOptions options) {
    return new XgboostTrainer(options, XgboostTarget.PRICE);
  }

  @Override
  public TrainedModel load(byte[] artifact) throws ModelLoadException {
    return XgboostModel.load(artifact, XgboostTarget.PRICE);
  }
}
