package com.diamondpricing.server.training;

/**
 * What became of one model a run trained: registered, scored on the test rows, and promoted or not.
 *
 * @param modelId the registered model
 * @param type its type
 * @param version its version within the type
 * @param testMae its MAE on the test rows
 * @param testR2 its R2 on the test rows
 * @param promoted whether it became the champion
 * @param reason why (or why not)
 */
public record RunOutcome(
    long modelId,
    String type,
    int version,
    double testMae,
    double testR2,
    boolean promoted,
    String reason) {}
