package com.diamondpricing.data;

/** A CSV file that cannot be used at all; its report says why, with lines and columns. */
public final class DatasetRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient QualityReport report;

  public DatasetRejectedException(QualityReport report) {
    super(report.source() + " rejected: " + report.rejection());
    this.report = report;
  }

  public QualityReport report() {
    return report;
  }
}
