package com.diamondpricing.server.registry;

import com.diamondpricing.model.TrainedModel;

/**
 * Published when a model has been registered, on the registering thread, while the trained model is
 * still open: a listener may use it (not keep it).
 *
 * @param entry the model as registered
 * @param evaluation its evaluation fit: the one fitted on the snapshot's training part, scored on
 *     its test rows (the served model itself when it serves that fit)
 */
public record ModelRegistered(ModelEntry entry, TrainedModel evaluation) {}
