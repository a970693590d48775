package com.diamondpricing.server.feedback;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.CsvHeader;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.server.problem.InstantParameter;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sales file: a header, then one sale per line. Columns (any order, names as written here):
 * {@code prediction_id}, {@code actual_price}, {@code sold_at}, and for stones never priced here
 * the stone's {@code carat, cut, color, clarity, depth, table, x, y, z}. A row with a prediction id
 * needs nothing else; a row without one needs every feature. Every bad field is reported with its
 * line and column, and a file with any is rejected whole.
 */
final class SalesCsv {

  static final String LINE = "line ";
  static final int MAX_PROBLEMS = 20;
  static final List<String> FEATURES =
      List.of("carat", "cut", "color", "clarity", "depth", "table", "x", "y", "z");

  private SalesCsv() {}

  /** One bad field of the file. */
  record Problem(long line, String column, String value, String message) {
    String describe() {
      return LINE
          + line
          + (column == null ? "" : ", column '" + column + "'")
          + (value == null ? "" : ", value '" + value + "'")
          + ": "
          + message;
    }
  }

  /** The file was rejected; nothing was recorded. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    Rejected(List<Problem> problems) {
      super(problems.get(0).describe());
      this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
      return problems;
    }
  }

  /** The CSV column of a sale's field ({@code predictionId} is {@code prediction_id}). */
  static String column(String field) {
    return switch (field) {
      case "predictionId" -> "prediction_id";
      case "actualPrice" -> "actual_price";
      case "soldAt" -> "sold_at";
      default -> field;
    };
  }

  static List<NewSale> read(InputStream in, Clock clock) throws Rejected {
    List<Problem> problems = new ArrayList<>();
    List<NewSale> sales = new ArrayList<>();
    Map<String, Integer> columns = null;
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(in, StandardCharsets.UTF_8)) {
      for (CsvRecord record : csv) {
        if (columns == null) {
          columns = header(record, problems);
          if (!problems.isEmpty()) {
            throw new Rejected(problems);
          }
          continue;
        }
        NewSale sale = row(record, columns, clock, problems);
        if (sale != null) {
          sales.add(sale);
        }
        if (problems.size() >= MAX_PROBLEMS) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (columns == null) {
      problems.add(new Problem(1, null, null, "the file is empty: a header line is required"));
    } else if (sales.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(2, null, null, "the file has a header but no sales"));
    }
    if (!problems.isEmpty()) {
      throw new Rejected(problems);
    }
    return sales;
  }

  private static Map<String, Integer> header(CsvRecord record, List<Problem> problems) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < record.getFieldCount(); i++) {
      columns.putIfAbsent(CsvHeader.columnName(record.getField(i)), i);
    }
    for (String required : List.of("actual_price", "sold_at")) {
      if (!columns.containsKey(required)) {
        problems.add(
            new Problem(
                1,
                null,
                null,
                "the header lacks the column "
                    + required
                    + " (columns: prediction_id, actual_price, sold_at, and for stones never"
                    + " priced here carat, cut, color, clarity, depth, table, x, y, z)"));
      }
    }
    return columns;
  }

  private static NewSale row(
      CsvRecord record, Map<String, Integer> columns, Clock clock, List<Problem> problems) {
    long line = record.getStartingLineNumber();
    int before = problems.size();
    String id = text(record, columns, "prediction_id");
    if (id != null && !SaleRequests.ID.matcher(id).matches()) {
      problems.add(new Problem(line, "prediction_id", cut(id), "not a prediction id"));
    }
    Double price = number(record, columns, "actual_price", line, problems);
    if (price != null && (price <= 0 || price > SaleRequests.MAX_PRICE)) {
      problems.add(
          new Problem(
              line, "actual_price", String.valueOf(price), "must be above 0 and at most 1e8"));
    }
    Instant soldAt = null;
    String sold = text(record, columns, "sold_at");
    if (sold == null) {
      problems.add(new Problem(line, "sold_at", null, "is required"));
    } else {
      soldAt = InstantParameter.orNullOrDay(sold);
      if (soldAt == null) {
        problems.add(
            new Problem(
                line,
                "sold_at",
                cut(sold),
                "not an ISO-8601 time like 2026-11-30T12:00:00Z or a date like 2026-11-30"));
      }
      if (soldAt != null && soldAt.isAfter(clock.instant().plus(SaleRequests.FUTURE_SLACK))) {
        problems.add(new Problem(line, "sold_at", cut(sold), "is in the future"));
      } else if (soldAt != null && soldAt.isBefore(InstantParameter.EARLIEST)) {
        problems.add(
            new Problem(line, "sold_at", cut(sold), "is before " + InstantParameter.EARLIEST));
      }
    }
    Diamond stone = id == null ? stone(record, columns, line, problems) : null;
    if (problems.size() > before) {
      return null;
    }
    return new NewSale(id, stone, price, soldAt, LINE + line);
  }

  private static Diamond stone(
      CsvRecord record, Map<String, Integer> columns, long line, List<Problem> problems) {
    int before = problems.size();
    double[] v = new double[FEATURES.size()];
    Cut cut = null;
    Color color = null;
    Clarity clarity = null;
    for (int f = 0; f < FEATURES.size(); f++) {
      String name = FEATURES.get(f);
      String text = text(record, columns, name);
      if (text == null) {
        problems.add(
            new Problem(line, name, null, "is required for a sale without a prediction_id"));
        continue;
      }
      try {
        switch (name) {
          case "cut" -> cut = Cut.parse(text);
          case "color" -> color = Color.parse(text);
          case "clarity" -> clarity = Clarity.parse(text);
          default -> {
            v[f] = Double.parseDouble(text);
            if (!Double.isFinite(v[f]) || v[f] <= 0) {
              problems.add(new Problem(line, name, cut(text), "must be a positive number"));
            }
          }
        }
      } catch (NumberFormatException e) {
        problems.add(new Problem(line, name, cut(text), "not a number"));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(line, name, cut(text), "not a known " + name));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new Diamond(v[0], cut, color, clarity, v[4], v[5], v[6], v[7], v[8]);
  }

  private static Double number(
      CsvRecord record, Map<String, Integer> columns, String name, long line, List<Problem> out) {
    String text = text(record, columns, name);
    if (text == null) {
      out.add(new Problem(line, name, null, "is required"));
      return null;
    }
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v)) {
        out.add(new Problem(line, name, cut(text), "not a finite number"));
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      out.add(new Problem(line, name, cut(text), "not a number"));
      return null;
    }
  }

  private static String text(CsvRecord record, Map<String, Integer> columns, String name) {
    Integer i = columns.get(name);
    if (i == null || i >= record.getFieldCount()) {
      return null;
    }
    String v = record.getField(i).strip();
    return v.isEmpty() ? null : v;
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
