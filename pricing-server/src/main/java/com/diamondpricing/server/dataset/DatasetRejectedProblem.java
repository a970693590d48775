package com.diamondpricing.server.dataset;

import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.server.problem.Problem;

/**
 * 422 {@code dataset-rejected}: an uploaded file was rejected whole and nothing was stored. The
 * problem's {@code report} is the quality report, with each bad row's line and column.
 */
public final class DatasetRejectedProblem extends Problem {

  private static final long serialVersionUID = 1L;

  private DatasetRejectedProblem(DatasetRejectedException e) {
    super(
        Problem.Kind.UNPROCESSABLE,
        "dataset-rejected",
        "Dataset rejected",
        "The data were rejected and nothing was stored: " + e.report().rejection());
    property("report", QualityReportView.of(e.report()));
  }

  /** The problem of a rejected file. */
  public static DatasetRejectedProblem of(DatasetRejectedException e) {
    return new DatasetRejectedProblem(e);
  }
}
