package com.diamondpricing.server.dataset;

import com.diamondpricing.data.DropReason;
import com.diamondpricing.data.QualityReport;
import com.diamondpricing.data.RowProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's quality report as the API answers it and the database keeps it (JSON).
 *
 * @param source the file's name
 * @param accepted whether the file was accepted
 * @param rejection why the whole file was rejected, or null
 * @param rowsRead data rows in the file
 * @param rowsKept rows in the clean data
 * @param dropped rows left out by the notebook's cleaning, by its rule ({@code price <= 0}, ...)
 * @param malformedRows rows refused as malformed
 * @param problems the first malformed rows, each with its line and column
 */
public record QualityReportView(
    String source,
    boolean accepted,
    String rejection,
    long rowsRead,
    long rowsKept,
    Map<String, Long> dropped,
    long malformedRows,
    List<Problem> problems) {

  /**
   * One malformed row.
   *
   * @param line the 1-based line number in the file
   * @param column the column's name, or null when the problem is the whole line
   * @param value the offending text, or null
   * @param message what is wrong, in words
   */
  public record Problem(long line, String column, String value, String message) {}

  public static QualityReportView of(QualityReport r) {
    Map<String, Long> dropped = new LinkedHashMap<>();
    for (DropReason reason : DropReason.values()) {
      dropped.put(reason.rule(), r.dropped().get(reason));
    }
    List<Problem> problems =
        r.problems().stream()
            .map((RowProblem p) -> new Problem(p.line(), p.column(), p.value(), p.message()))
            .toList();
    return new QualityReportView(
        r.source(),
        r.accepted(),
        r.rejection(),
        r.rowsRead(),
        r.rowsKept(),
        dropped,
        r.malformedRows(),
        problems);
  }
}
