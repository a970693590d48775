package com.diamondpricing.server.dataset;

import java.time.Instant;

/**
 * An immutable dataset snapshot as stored (its rows are loaded separately).
 *
 * @param id the snapshot's id
 * @param contentHash SHA-256 of the clean rows; identical content is stored once
 * @param source where the rows came from (file name, upload, bundled)
 * @param mode whether it replaced the current data or was appended to it
 * @param parentId the snapshot it was appended to, or null
 * @param createdAt when it was stored
 * @param rowsRead data rows in the file (for an append, in the new file)
 * @param rowsKept rows in the snapshot
 * @param rowsDropped rows dropped by the notebook's cleaning
 * @param rowsMalformed malformed rows left out
 * @param qualityReport the quality report of the file
 */
public record Snapshot(
    long id,
    String contentHash,
    String source,
    IngestMode mode,
    Long parentId,
    Instant createdAt,
    long rowsRead,
    int rowsKept,
    long rowsDropped,
    long rowsMalformed,
    QualityReportView qualityReport) {}
