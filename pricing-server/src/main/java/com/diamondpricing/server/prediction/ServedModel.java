package com.diamondpricing.server.prediction;

import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.registry.ModelEntry;

/**
 * A model ready to answer: its registry entry, its type and the loaded model. Immutable; a request
 * keeps the one it started with even when the champion moves meanwhile.
 */
public record ServedModel(ModelEntry entry, ModelType type, TrainedModel model) {}
