/**
 * Linear regression on log(price), as the notebook fits it: the design matrix of the notebook
 * ({@code LinearDesign}: carat, x, and one indicator per grade level but the first), least squares
 * by Hipparchus ({@code LinearTrainer}), the model ({@code LinearModel}) and its type ({@code
 * LinearModelType}).
 */
package com.diamondpricing.model.linear;
