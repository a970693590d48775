package com.diamondpricing.model.xgboost;

/**
 * XGBoost on log(price), answering exp of its trees' sum, with every tree monotone non-decreasing
 * in carat: a heavier stone of the same grades and measurements never gets a lower price. Same
 * features, same TPE search (trials scored by MAE in dollars) and same Java walk as {@code
 * xgboost}. Its explanations are in log dollars: factors per feature.
 */
public final class XgboostLogModelType extends XgboostTypes {

  public static final String NAME = "xgboost-log";

  public XgboostLogModelType() {
    super(
        XgboostRecipe.LOG_PRICE,
        "XGBoost on log(price), monotone in carat, hyperparameters tuned by TPE");
  }
}
