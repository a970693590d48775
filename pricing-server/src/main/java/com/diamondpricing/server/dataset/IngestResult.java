package com.diamondpricing.server.dataset;

import com.diamondpricing.data.QualityReport;

/**
 * The outcome of ingesting a file.
 *
 * @param snapshot the snapshot that is now current
 * @param report what reading the file found
 * @param reused true when identical content was already stored and its snapshot was reused
 * @param mode whether the file's rows were added to the current data or replaced it
 * @param previousRows how many rows the current data had before (0 when there was none)
 */
public record IngestResult(
    Snapshot snapshot, QualityReport report, boolean reused, IngestMode mode, long previousRows) {}
