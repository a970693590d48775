package com.diamondpricing.server.dataset;

import com.diamondpricing.data.DropReason;
import com.diamondpricing.data.DroppedRow;
import com.diamondpricing.data.QualityReport;
import com.diamondpricing.data.RowProblem;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * @param rowsDropped rows left out by the cleaning, every rule together
 * @param droppedRows the first rows the cleaning left out, each with its line and reason (a report
 *     stored before they were listed has none)
 */
public record QualityReportView(
    String source,
    boolean accepted,
    String rejection,
    long rowsRead,
    long rowsKept,
    Map<String, Long> dropped,
    long malformedRows,
    List<Problem> problems,
    @Schema(example = "1") long rowsDropped,
    @Schema(
            description =
                "The first "
                    + QualityReport.MAX_LISTED_DROPPED
                    + " rows the cleaning left out, each with its line and reason; rowsDropped"
                    + " counts them all")
        List<Dropped> droppedRows) {

  public QualityReportView {
    problems = problems == null ? List.of() : List.copyOf(problems);
    droppedRows = droppedRows == null ? List.of() : List.copyOf(droppedRows);
    if (rowsDropped == 0 && dropped != null) {
      // a report stored before the total was kept: the counts by rule add up to it
      rowsDropped = dropped.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * One malformed row.
   *
   * @param line the 1-based line number in the file
   * @param column the column's name, or null when the problem is the whole line
   * @param value the offending text, or null
   * @param message what is wrong, in words
   */
  public record Problem(long line, String column, String value, String message) {}

  /**
   * One row the cleaning left out.
   *
   * @param line the 1-based line number in the file
   * @param rule the cleaning rule that dropped it ({@code price <= 0}, {@code x * y * z == 0})
   * @param column the column that failed the rule
   * @param value that column's text
   * @param message why, in words
   */
  @Schema(description = "A row the cleaning left out, with its line and reason")
  public record Dropped(
      @Schema(example = "3") long line,
      @Schema(example = "price <= 0") String rule,
      @Schema(example = "price") String column,
      @Schema(example = "-1") String value,
      @Schema(example = "price -1 is not above 0: a price must be positive (price <= 0)")
          String message) {

    static Dropped of(DroppedRow d) {
      return new Dropped(d.line(), d.reason().rule(), d.column(), d.value(), d.message());
    }
  }

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
        problems,
        r.droppedRows(),
        r.droppedList().stream().map(Dropped::of).toList());
  }
}
