package com.diamondpricing.server.dataset;

import com.diamondpricing.data.QualityReport;

/**
 * A quality report as the problem rendering in {@code web} shows it (the 422 {@code
 * dataset-rejected} answer's {@code report}): the same {@link QualityReportView} as everywhere
 * else.
 */
public final class QualityReports {

  private QualityReports() {}

  /** The report's view (the name is the one the problem rendering calls). */
  public static QualityReportView toMap(QualityReport r) {
    return QualityReportView.of(r);
  }
}
