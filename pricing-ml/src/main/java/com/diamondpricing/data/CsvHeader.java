package com.diamondpricing.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header of a diamonds CSV: which field of each row holds each of the ten columns the reader
 * needs ({@link #COLUMNS}), whatever their order, case or spelling ({@code colour} is {@code
 * color}).
 */
public final class CsvHeader {

  /** The columns a diamonds file must have, in the order the reader uses them. */
  static final List<String> COLUMNS =
      List.of("carat", "cut", "color", "clarity", "depth", "table", "price", "x", "y", "z");

  private CsvHeader() {}

  /**
   * A header field as the column it names: case and surrounding white space (and a byte-order mark)
   * ignored, and {@code colour}, as the pages spell it, is {@code color}.
   */
  public static String columnName(String field) {
    String name = field.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    return name.equals("colour") ? "color" : name;
  }

  /** A header the reader cannot use: why, as the file's rejection says it. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * The position in a row of each of {@link #COLUMNS}.
   *
   * @throws Unusable when a column is missing or named twice
   */
  static int[] positions(List<String> fields) throws Unusable {
    List<String> names = new ArrayList<>();
    for (String f : fields) {
      names.add(columnName(f));
    }
    int[] idx = new int[COLUMNS.size()];
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < COLUMNS.size(); c++) {
      String column = COLUMNS.get(c);
      idx[c] = names.indexOf(column);
      if (idx[c] < 0) {
        missing.add(column);
      } else if (names.lastIndexOf(column) != idx[c]) {
        throw new Unusable("line 1: column '" + column + "' appears more than once in the header");
      }
    }
    if (!missing.isEmpty()) {
      throw new Unusable(
          "line 1: the header lacks the column"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + " (the header read: "
              + RowProblem.abbreviate(String.join(",", fields))
              + "; required: "
              + String.join(", ", COLUMNS)
              + ")");
    }
    return idx;
  }
}
