/**
 * The prediction ledger: every price given, on record in {@code prediction}, which sales are joined
 * to. Its contract, between the three parties that touch the table:
 *
 * <ol>
 *   <li>the request path hands what it priced to the {@link
 *       com.diamondpricing.server.ledger.PredictionLedger} ({@code
 *       prediction.PredictionController});
 *   <li>the request log's writer stores each {@link
 *       com.diamondpricing.server.ledger.RecordedPrediction} with its request's record, in the same
 *       journal line and the same transaction ({@code requestlog.PredictionInserts}); its retention
 *       and budget delete old rows;
 *   <li>the feedback loop reads them back through {@link
 *       com.diamondpricing.server.ledger.RecordedPredictions}, the one reader of the table.
 * </ol>
 *
 * With {@code diamonds.request-log.enabled=false} nothing is recorded ({@link
 * com.diamondpricing.server.ledger.PredictionLedger#UNRECORDED}).
 */
package com.diamondpricing.server.ledger;
