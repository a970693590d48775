package com.diamondpricing.server.prediction;

/**
 * Another model type's price for the same stone: its best registered model of the richest feature
 * set the stone gives.
 *
 * @param model the model
 * @param price its price, in dollars
 */
record SecondOpinion(ModelRef model, double price) {}
