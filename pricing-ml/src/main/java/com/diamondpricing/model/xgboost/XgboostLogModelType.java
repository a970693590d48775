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
 * XGBoost on log(price), answering exp of its trees' sum, with every tree monotone non-decreasing
 * in carat: a heavier stone of the same grades and measurements never gets a lower price. Same
 * features, same TPE search (trials scored by MAE in dollars) and same Java walk as {@code
 * xgboost}. Its explanations are in log dollars: factors per feature.
 */
public final class XgboostLogModelType implements ModelType {

  public static final String NAME = "xgboost-log";

  private static final Set<Feature> REQUIRED =
      EnumSet.of(Feature.CARAT, Feature.CUT, Feature.COLOR, Feature.CLARITY);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "XGBoost on log(price), monotone in carat, hyperparameters tuned by TPE";
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
    return new XgboostTrainer(options, XgboostTarget.LOG_PRICE);
  }

  @Override
  public TrainedModel load(byte[] artifact) throws ModelLoadException {
    return XgboostModel.load(artifact, XgboostTarget.LOG_PRICE);
  }
}
