package com.diamondpricing.model;

/**
 * One step of a training.
 *
 * @param phase what is happening: {@code "tuning"} while trials run, {@code "fitting"} for the
 *     final fit
 * @param trial trials finished so far (0 outside tuning)
 * @param trials trials planned (0 for types that do not tune)
 * @param bestValidationMae the best validation MAE so far, or NaN
 * @param elapsedSeconds seconds since the training started
 */
public record TrainingProgress(
    String phase, int trial, int trials, double bestValidationMae, double elapsedSeconds) {}
