package com.diamondpricing.data;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What reading a CSV file found: how many rows were read, kept, dropped by the notebook's cleaning
 * (by reason) and refused as malformed (the first ones listed with line, column and value), and,
 * when the file was rejected whole, why.
 *
 * @param source the file's name, for messages
 * @param rowsRead data rows in the file (blank lines not counted)
 * @param rowsKept rows in the clean dataset
 * @param dropped rows left out by the notebook's cleaning, by reason
 * @param malformedRows rows refused as malformed
 * @param problems the first {@value #MAX_LISTED_PROBLEMS} malformed rows
 * @param rejection why the whole file was rejected, or {@code null} when it was accepted
 * @param droppedList the first {@value #MAX_LISTED_DROPPED} rows the cleaning dropped, each with
 *     its line and reason, in file order
 */
public record QualityReport(
    String source,
    long rowsRead,
    long rowsKept,
    Map<DropReason, Long> dropped,
    long malformedRows,
    List<RowProblem> problems,
    String rejection,
    List<DroppedRow> droppedList) {

  /** How many malformed rows a report lists one by one. */
  public static final int MAX_LISTED_PROBLEMS = 100;

  /** How many dropped rows a report lists one by one. */
  public static final int MAX_LISTED_DROPPED = 100;

  /** A report that lists no dropped row one by one (only their counts by reason). */
  public QualityReport(
      String source,
      long rowsRead,
      long rowsKept,
      Map<DropReason, Long> dropped,
      long malformedRows,
      List<RowProblem> problems,
      String rejection) {
    this(source, rowsRead, rowsKept, dropped, malformedRows, problems, rejection, List.of());
  }

  public QualityReport {
    EnumMap<DropReason, Long> all = new EnumMap<>(DropReason.class);
    for (DropReason r : DropReason.values()) {
      all.put(r, dropped == null ? 0L : dropped.getOrDefault(r, 0L));
    }
    dropped = Map.copyOf(all);
    problems = List.copyOf(problems);
    droppedList = droppedList == null ? List.of() : List.copyOf(droppedList);
  }

  /** Whether the file was accepted (its clean rows can be used). */
  public boolean accepted() {
    return rejection == null;
  }

  /** Rows dropped by the cleaning, all reasons together. */
  public long droppedRows() {
    return dropped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A readable, multi-line account of the report. */
  public String describe() {
    return describe(true);
  }

  /**
   * The same account without the offending values: for places where a file's content must not be
   * echoed (the inbox's error files and logs), only lines, columns and what was wrong.
   */
  public String describeWithoutValues() {
    return describe(false);
  }

  private String describe(boolean values) {
    StringBuilder s = new StringBuilder();
    s.append("Data quality report for ").append(source).append('\n');
    s.append(String.format("  rows read:      %,d%n", rowsRead));
    s.append(String.format("  rows kept:      %,d%n", rowsKept));
    for (DropReason r : DropReason.values()) {
      s.append(String.format("  dropped (%s): %,d%n", r.rule(), dropped.get(r)));
    }
    for (DroppedRow d : droppedList) {
      s.append("    line ")
          .append(d.line())
          .append(": ")
          .append(values ? d.message() : d.messageWithoutValue())
          .append('\n');
    }
    if (droppedRows() > droppedList.size()) {
      s.append(String.format("    ... and %,d more dropped%n", droppedRows() - droppedList.size()));
    }
    s.append(String.format("  malformed rows: %,d%n", malformedRows));
    for (RowProblem p : problems) {
      s.append("    ").append(values ? p.toString() : p.withoutValue()).append('\n');
    }
    if (malformedRows > problems.size()) {
      s.append(String.format("    ... and %,d more%n", malformedRows - problems.size()));
    }
    s.append(accepted() ? "  accepted\n" : "  REJECTED: " + rejection + "\n");
    return s.toString();
  }
}
