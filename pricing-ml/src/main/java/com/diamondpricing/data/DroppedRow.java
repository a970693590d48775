package com.diamondpricing.data;

/**
 * A well-formed row the notebook's cleaning left out, and why.
 *
 * @param line the 1-based line number in the file
 * @param reason the cleaning rule that dropped it
 * @param column the column that made it fail the rule ({@code price}, or the zero measurement)
 * @param value that column's text, as a report keeps it
 */
public record DroppedRow(long line, DropReason reason, String column, String value) {

  /** Why the row was left out, in words, with the rule. */
  public String message() {
    return switch (reason) {
      case NON_POSITIVE_PRICE ->
          "price " + value + " is not above 0: a price must be positive (" + reason.rule() + ")";
      case ZERO_DIMENSION ->
          column
              + " is "
              + value
              + ": the length, width and depth (x, y, z) must all be above 0 ("
              + reason.rule()
              + ")";
    };
  }

  /** Why the row was left out, without the value. */
  public String messageWithoutValue() {
    return switch (reason) {
      case NON_POSITIVE_PRICE -> "price is not above 0 (" + reason.rule() + ")";
      case ZERO_DIMENSION -> column + " is 0 (" + reason.rule() + ")";
    };
  }

  @Override
  public String toString() {
    return "line " + line + ": dropped: " + message();
  }
}
