/**
 * Hyperparameter tuning with our own implementation of Optuna's default (univariate) TPE sampler,
 * plus a random-search baseline, a median pruner and a successive-halving pruner.
 *
 * <p>Entry points: {@link com.diamondpricing.tuning.SearchSpace} describes the parameters, {@link
 * com.diamondpricing.tuning.Tuner} runs a study of an {@link com.diamondpricing.tuning.Objective}
 * and returns a {@link com.diamondpricing.tuning.Study}. Same seed and same worker count give the
 * same study; see {@link com.diamondpricing.tuning.Tuner} for the details, and {@code
 * ../shared/reference/TPE_AND_XGBOOST4J.md} Part A for the algorithm.
 */
package com.diamondpricing.tuning;
