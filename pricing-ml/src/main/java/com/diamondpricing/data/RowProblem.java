package com.diamondpricing.data;

/**
 * Why one line of a CSV file was refused.
 *
 * @param line the 1-based line number in the file
 * @param column the column's name, or {@code null} when the problem is the whole line
 * @param value the offending text, or {@code null}
 * @param message what is wrong, in words
 */
public record RowProblem(long line, String column, String value, String message) {

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("line ").append(line);
    if (column != null) {
      s.append(", column '").append(column).append('\'');
    }
    if (value != null) {
      s.append(", value '").append(abbreviate(value)).append('\'');
    }
    return s.append(": ").append(message).toString();
  }

  /** The problem without its value: line, column and what was wrong. */
  public String withoutValue() {
    StringBuilder s = new StringBuilder("line ").append(line);
    if (column != null) {
      s.append(", column '").append(column).append('\'');
    }
    return s.append(": ").append(message).toString();
  }

  /** The longest value a report keeps of an offending field. */
  public static final int MAX_VALUE = 200;

  /** A value as a report keeps it: at most {@value #MAX_VALUE} characters, marked when cut. */
  static String cut(String value) {
    return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "\u2026";
  }

  static String abbreviate(String value) {
    return value.length() <= 60 ? value : value.substring(0, 57) + "...";
  }
}
