package com.diamondpricing.server.dataset;

import com.diamondpricing.data.QualityReport;

/**
 * The outcome of ingesting a file.
 *
 * @param snapshot the snapshot that is now current
 * @param report what reading the file found
 * @param reused true when identical content was already stored and its snapshot was reused
 */
public record IngestResult(Snapshot snapshot, QualityReport report, boolean reused) {}
