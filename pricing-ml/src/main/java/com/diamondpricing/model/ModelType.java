package com.diamondpricing.model;

import com.diamondpricing.data.Feature;
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

  /** The features the model uses. */
  Set<Feature> features();

  /**
   * The features a diamond must have for this model to price it; a subset of {@link #features()}.
   * The grades and the carat are always present.
   */
  Set<Feature> requiredFeatures();

  /** A trainer with these options; tuning, when the type tunes, happens inside it. */
  Trainer trainer(TrainingOptions options);

  /**
   * A trained model from the bytes of its {@link TrainedModel#artifact()}.
   *
   * @throws ModelLoadException when the bytes are not an artifact of this type
   */
  TrainedModel load(byte[] artifact) throws ModelLoadException;
}
