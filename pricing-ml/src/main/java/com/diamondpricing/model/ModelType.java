package com.diamondpricing.model;

import com.diamondpricing.data.Feature;
import java.util.List;
import java.util.Set;

/**
 * A kind of model the service can train and serve. One class implementing this interface, listed in
 * {@code META-INF/services/com.diamondpricing.model.ModelType}, adds a model type: the pipeline,
 * registry and API know only this interface (see {@link ModelTypes}).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface ModelType {

  /** The type's name, lower case, stable forever: it is stored with every model (e.g. "linear"). */
  String name();

  /** One sentence on what the model is. */
  String description();

  /**
   * What the type does when it trains, in words that change whenever what it does changes: a run on
   * the same data with the same settings and the same recipe registers nothing new. By default the
   * name (a type whose training never changes).
   */
  default String recipe() {
    return name();
  }

  /** The features a model of {@link FeatureSet#ALL} uses. */
  Set<Feature> features();

  /**
   * The features a diamond must have for a model of {@link FeatureSet#ALL} to price it; a subset of
   * {@link #features()}. The grades and the carat are always present.
   */
  Set<Feature> requiredFeatures();

  /**
   * The feature sets the type trains a model for, richest first; every run trains one model of
   * each. By default {@link FeatureSet#ALL} only.
   */
  default List<FeatureSet> featureSets() {
    return List.of(FeatureSet.ALL);
  }

  /**
   * The features a diamond must have for a model of this type and feature set to price it: {@link
   * #requiredFeatures()} for {@link FeatureSet#ALL}, the set's own features for a smaller one.
   */
  default Set<Feature> requiredFeatures(FeatureSet set) {
    return set == FeatureSet.ALL ? requiredFeatures() : set.features();
  }

  /**
   * A trainer with these options (their {@link TrainingOptions#featureSet()} one of {@link
   * #featureSets()}); tuning, when the type tunes, happens inside it.
   */
  Trainer trainer(TrainingOptions options);

  /**
   * A trained model from the bytes of its {@link TrainedModel#artifact()}.
   *
   * @throws ModelLoadException when the bytes are not an artifact of this type
   */
  TrainedModel load(byte[] artifact) throws ModelLoadException;
}
