package com.diamondpricing.server.registry;

import com.diamondpricing.model.TrainedModel;

/**
 * Published when a model has been registered, on the registering thread, while the trained model is
 * still open: a listener may use it (not keep it).
 *
 * @param entry the model as registered
 * @param model the trained model
 */
public record ModelRegistered(ModelEntry entry, TrainedModel model) {}
