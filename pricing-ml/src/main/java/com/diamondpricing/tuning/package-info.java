/**
 * Hyperparameter tuning with our own implementation of Optuna's default (univariate) TPE sampler,
 * plus a random-search baseline, a median pruner and a successive-halving pruner.
 *
 * <p>Entry points: {@link com.diamondpricing.tuning.SearchSpace} describes the parameters, {@link
 * com.diamondpricing.tuning.Tuner} runs a study of an {@link com.diamondpricing.tuning.Objective}
 * and returns a {@link com.diamondpricing.tuning.Study}. Same seed and same worker count give the
 * same study; see {@link com.diamondpricing.tuning.Tuner} for the details. The algorithm is
 * Bergstra et al., "Algorithms for Hyper-Parameter Optimization" (NeurIPS 2011), as Optuna's {@code
 * TPESampler} implements it (univariate, with its default priors and weights).
 */
package com.diamondpricing.tuning;
