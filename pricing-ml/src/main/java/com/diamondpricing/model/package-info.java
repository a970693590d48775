/**
 * The plug-in seam for models: a {@link com.diamondpricing.model.ModelType} (one class, listed in
 * {@code META-INF/services}) trains with a {@link com.diamondpricing.model.Trainer} and gives an
 * immutable {@link com.diamondpricing.model.TrainedModel} with its {@link
 * com.diamondpricing.model.Provenance}, on a {@link com.diamondpricing.model.FeatureSet} (all
 * measurements, or the four Cs); {@link com.diamondpricing.model.ModelTypes} finds them. Also the
 * held-out evaluation ({@code HoldoutEvaluation}), cross-conformal calibration of a model refitted
 * on every row ({@code CrossConformal}) and the explanation of a price ({@code PriceExplanation}).
 */
package com.diamondpricing.model;
