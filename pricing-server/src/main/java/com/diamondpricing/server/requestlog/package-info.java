/**
 * The request log: every request routed under {@code /api/} and its response, one row of {@code
 * request_log} each (see {@code docs/request-log.md}), with the predictions it priced (the rows of
 * the {@code ledger}'s {@code prediction} table). Its parts, in the order a record goes through
 * them:
 *
 * <ol>
 *   <li>Entry: {@link com.diamondpricing.server.requestlog.RequestLog}, to which the HTTP edge's
 *       capture ({@code web.capture.RequestLogFilter}) hands one {@link
 *       com.diamondpricing.server.requestlog.RequestRecord} per request; it appends the record to
 *       the journal and queues it, never waiting for the database; while nothing can be recorded
 *       its {@code StorageGate} is shut ({@code RequestLogStorageHealth}).
 *   <li>Journal: {@code Journal}, its files {@code Segment}, one line per record ({@code
 *       RecordLines}); what only the journal holds is read back by {@code SegmentReader} and
 *       replayed by {@code JournalReplay}.
 *   <li>Queue: {@code RecordQueue} of {@code Journaled} records, lock-free on the request threads.
 *   <li>Writer: {@link com.diamondpricing.server.requestlog.RequestLogWriter}, one background
 *       worker, inserts batches through {@code WriterDatabase} ({@code RecordInserter}: one
 *       transaction with the segments' {@code SegmentProgress}, the predictions by {@code
 *       PredictionInserts}) and waits out an {@code Outage}.
 *   <li>SQL dialects: {@code RequestLogDialect}, one per database: {@code SqliteDialect}, {@code
 *       PostgresDialect}; {@code MultiRowInserts} for the few statement shapes they use.
 *   <li>Reading and keeping: {@link com.diamondpricing.server.requestlog.RequestLogStore}, {@code
 *       RequestLogController}, {@code RequestLogEntry}; {@code RequestLogRetention} purges old rows
 *       and {@code StorageBudget} keeps the tables under their budgets.
 * </ol>
 *
 * Wiring and settings: {@link com.diamondpricing.server.requestlog.RequestLogConfiguration}, {@link
 * com.diamondpricing.server.requestlog.RequestLogProperties}, {@code RequestLogMetrics}.
 */
package com.diamondpricing.server.requestlog;
