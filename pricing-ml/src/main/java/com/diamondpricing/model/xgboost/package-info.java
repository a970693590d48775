/**
 * Gradient-boosted trees: the only package that uses xgboost4j, to train ({@code XgboostTrainer},
 * tuned by the {@code tuning} package's TPE, {@code XgboostTraining}, {@code XgboostRecipe}); the
 * trained booster is read into plain Java trees ({@code XgboostModelReader}, {@code TreeEnsemble})
 * and walked in Java to serve ({@code LockstepWalk}), with TreeSHAP for explanations ({@code
 * TreeShap}). Two types: {@code xgboost} on price (the notebook's) and {@code xgboost-log} on
 * log(price).
 */
package com.diamondpricing.model.xgboost;
