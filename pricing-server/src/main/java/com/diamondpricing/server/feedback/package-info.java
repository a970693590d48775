/**
 * Closing the loop: sales recorded against the predictions on record ({@code SaleStore}, through
 * the {@link com.diamondpricing.server.ledger.RecordedPredictions} of the ledger), live accuracy
 * and coverage per model and segment ({@code LiveAccuracies}, {@code LiveAccuracyGauges}), each
 * read against its target with its interval ({@code TargetCheck}), drift of what is priced against
 * the training data, flagged only beyond chance, and of what it sells for by grade level, with its
 * interval ({@code Drifts}, {@code ReferenceProfiles}, {@code Psi}, {@code SaleRatios}, {@code
 * Sampling}), and the loop that queues a retraining run when the champion drifts or its live error
 * grows ({@code FeedbackLoop}, appending sold stones first with {@code SalesAppender}).
 */
package com.diamondpricing.server.feedback;
