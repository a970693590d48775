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
 * What the XGBoost model types share: all nine features (the grades categorical, measurements
 * optional: absent ones are missing values), the TPE-tuned trainer and the Java tree walk; each
 * type names its {@link XgboostTarget}.
 */
abstract class XgboostTypes implements ModelType {

  private static final Set<Feature> REQUIRED =
      EnumSet.of(Feature.CARAT, Feature.CUT, Feature.COLOR, Feature.CLARITY);

  private final XgboostTarget target;
  private final String description;

  XgboostTypes(XgboostTarget target, String description) {
    this.target = target;
    this.description = description;
  }

  @Override
  public final String name() {
    return target.typeName();
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final Set<Feature> features() {
    return EnumSet.allOf(Feature.class);
  }

  @Override
  public final Set<Feature> requiredFeatures() {
    return REQUIRED;
  }

  @Override
  public final Trainer trainer(TrainingOptions options) {
    return new XgboostTrainer(options, target);
  }

  @Override
  public final TrainedModel load(byte[] artifact) throws ModelLoadException {
    return XgboostModel.load(artifact, target);
  }
}
