package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Feature;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.Trainer;
import com.diamondpricing.model.TrainingOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the XGBoost model types share: a model for every feature (all nine required: no training row
 * ever lacked a measurement, so a missing one would go down a branch no row took) and one for the
 * four Cs alone, the TPE-tuned trainer and the Java tree walk; each type names its {@link
 * XgboostRecipe}.
 */
abstract class XgboostTypes implements ModelType {

  private static final List<FeatureSet> SETS = List.of(FeatureSet.ALL, FeatureSet.FOUR_CS);

  private final XgboostRecipe target;
  private final String description;

  XgboostTypes(XgboostRecipe target, String description) {
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
  public final String recipe() {
    return target + ", pruned by " + target.pruner();
  }

  @Override
  public final Set<Feature> features() {
    return EnumSet.allOf(Feature.class);
  }

  @Override
  public final Set<Feature> requiredFeatures() {
    return FeatureSet.ALL.features();
  }

  @Override
  public final List<FeatureSet> featureSets() {
    return SETS;
  }

  @Override
  public final Trainer trainer(TrainingOptions options) {
    if (!SETS.contains(options.featureSet())) {
      throw new IllegalArgumentException(
          name() + " trains no model of feature set " + options.featureSet());
    }
    return new XgboostTrainer(options, target);
  }

  @Override
  public final TrainedModel load(byte[] artifact) throws ModelLoadException {
    return XgboostModel.load(artifact, target);
  }
}
