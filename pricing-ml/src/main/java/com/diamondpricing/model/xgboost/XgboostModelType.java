package com.diamondpricing.model.xgboost;

/**
 * The notebook's XGBoost regressor on price: all nine features, the grades as categorical features,
 * the {@code hist} tree method, hyperparameters tuned by TPE on an inner split of the training
 * part. Absent measurements are treated as missing values, so only the carat and the grades are
 * required to price a diamond.
 */
public final class XgboostModelType extends XgboostTypes {

  public static final String NAME = "xgboost";

  public XgboostModelType() {
    super(
        XgboostRecipe.PRICE,
        "XGBoost on price with categorical grades, hyperparameters tuned by TPE");
  }
}
