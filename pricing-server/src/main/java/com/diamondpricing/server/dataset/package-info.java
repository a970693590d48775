/**
 * The data the models learn from: CSV files read and checked by the library's {@code
 * DiamondCsvReader} ({@code DatasetStore}), stored as immutable snapshots (replace or append), one
 * of them the current data; the bundled data for a first start ({@code BundledData}); a rejected
 * file's report ({@code DatasetRejectedProblem}); the limits of a file ({@link
 * com.diamondpricing.server.dataset.UploadProperties}).
 */
package com.diamondpricing.server.dataset;
