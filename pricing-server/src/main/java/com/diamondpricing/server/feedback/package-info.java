/**
 * Closing the loop: sales recorded against the predictions on record ({@code SaleStore}, through
 * the {@link com.diamondpricing.server.ledger.RecordedPredictions} of the ledger), live accuracy
 * and coverage per model and segment ({@code LiveAccuracies}, {@code LiveAccuracyGauges}), drift of
 * what is priced against the training data ({@code Drifts}, {@code ReferenceProfiles}), and the
 * loop that queues a retraining run when the champion drifts or its live error grows ({@code
 * FeedbackLoop}, appending sold stones first with {@code SalesAppender}).
 */
package com.diamondpricing.server.feedback;
