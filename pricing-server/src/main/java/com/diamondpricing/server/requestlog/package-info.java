/**
 * The request log: every request routed under {@code /api/} and its response, one row of {@code
 * request_log} each (see {@code docs/request-log.md}). Its parts, in the order a record goes
 * through them:
 *
 * <ol>
 *   <li>Capture: {@link com.diamondpricing.server.requestlog.RequestLogFilter} (with {@code
 *       CapturingRequest}, {@code BufferedResponse}, {@code Capture}, {@code QueryRedaction}) makes
 *       a {@code RequestRecord} of each request and holds the response until the record is
 *       journaled. The only place that logs requests.
 *   <li>Hand-off: {@code RequestLog} appends the record to the journal and queues it, never waiting
 *       for the database.
 *   <li>Journal: {@code Journal}, its files {@code Segment}, one line per record ({@code
 *       RecordLines}); what only the journal holds is read back by {@code SegmentReader} and
 *       replayed by {@code JournalReplay}.
 *   <li>Queue: {@code RecordQueue} of {@code Journaled} records, lock-free on the request threads.
 *   <li>Writer: {@link com.diamondpricing.server.requestlog.RequestLogWriter}, one background
 *       worker, inserts batches through {@code WriterDatabase} ({@code RecordInserter}: one
 *       transaction with the segments' {@code SegmentProgress}) and waits out an {@code Outage}.
 *   <li>SQL dialects: {@code RequestLogDialect}, one per database: {@code SqliteDialect}, {@code
 *       PostgresDialect}.
 *   <li>Reading and keeping: {@link com.diamondpricing.server.requestlog.RequestLogStore}, {@code
 *       RequestLogController}, {@code RequestLogEntry}; {@code RequestLogRetention} purges old
 *       rows.
 * </ol>
 *
 * Wiring and settings: {@code RequestLogConfiguration}, {@link
 * com.diamondpricing.server.requestlog.RequestLogProperties}, {@code RequestLogMetrics}.
 */
package com.diamondpricing.server.requestlog;
