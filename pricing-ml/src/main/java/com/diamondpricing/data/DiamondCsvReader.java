package com.diamondpricing.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads diamonds from a CSV file and cleans them as the notebook does.
 *
 * <p>The file needs a header naming the columns {@code carat, cut, color, clarity, depth, table,
 * price, x, y, z} in any order (case-insensitive; other columns are ignored). CRLF line ends, a
 * UTF-8 byte-order mark, quoted fields and blank lines are handled. A row is malformed when it has
 * the wrong number of fields, a number that does not parse or is not finite, a carat that is not
 * positive, a negative measurement or an unknown grade; malformed rows are left out and reported
 * with line, column and value. Well-formed rows with {@code x * y * z == 0} or {@code price <= 0}
 * are dropped, counted by reason and the first ones listed with line and reason. The whole file is
 * rejected when it has no header, lacks a column, keeps no row, or has more malformed rows than the
 * allowed share.
 */
public final class DiamondCsvReader {

  /** The default largest share of malformed rows a file may have and still be used. */
  public static final double DEFAULT_MAX_MALFORMED_SHARE = 0.05;

  /** Longest field accepted, in characters; a longer one rejects the file (binary or broken). */
  private static final int MAX_FIELD_CHARS = 1 << 20;

  private static final List<String> COLUMNS = CsvHeader.COLUMNS;

  private final double maxMalformedShare;
  private final long maxRows;

  public DiamondCsvReader() {
    this(DEFAULT_MAX_MALFORMED_SHARE, Long.MAX_VALUE);
  }

  /**
   * @param maxMalformedShare the largest share of malformed rows (0 to 1) a file may have
   */
  public DiamondCsvReader(double maxMalformedShare) {
    this(maxMalformedShare, Long.MAX_VALUE);
  }

  /**
   * @param maxMalformedShare the largest share of malformed rows (0 to 1) a file may have
   * @param maxRows the most data rows a file may have; one more rejects it
   */
  public DiamondCsvReader(double maxMalformedShare, long maxRows) {
    if (!(maxMalformedShare >= 0 && maxMalformedShare <= 1)) {
      throw new IllegalArgumentException(
          "maxMalformedShare must be between 0 and 1, not " + maxMalformedShare);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
    }
    this.maxMalformedShare = maxMalformedShare;
    this.maxRows = maxRows;
  }

  /** Reads a file. */
  public LoadedDataset read(Path file) throws IOException, DatasetRejectedException {
    long bytes = Files.size(file);
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString(), (int) Math.min(bytes / 40, 50_000_000));
    }
  }

  /** Reads a stream (not closed here); {@code source} names it in messages. */
  public LoadedDataset read(InputStream in, String source)
      throws IOException, DatasetRejectedException {
    return read(in, source, 1024);
  }

  private LoadedDataset read(InputStream in, String source, int expectedRows)
      throws IOException, DatasetRejectedException {
    Parse parse = new Parse(source, expectedRows);
    CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .maxBufferSize(MAX_FIELD_CHARS)
            .ofCsvRecord(withoutBom(in), StandardCharsets.UTF_8);
    try {
      for (CsvRecord record : csv) {
        if (isBlank(record)) {
          continue;
        }
        if (!parse.hasHeader()) {
          parse.header(record);
        } else {
          if (parse.read >= maxRows) {
            parse.fail(
                "the file has more than "
                    + String.format(java.util.Locale.ROOT, "%,d", maxRows)
                    + " rows, the most one file may have");
          }
          parse.row(record);
        }
      }
    } catch (CsvParseException e) {
      parse.fail(
          "the file is not readable CSV: "
              + e.getMessage()
              + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return parse.finish(maxMalformedShare);
  }

  /** The stream after a UTF-8 byte-order mark, if it starts with one. */
  private static InputStream withoutBom(InputStream in) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, 3);
    byte[] head = p.readNBytes(3);
    boolean bom =
        head.length == 3
            && (head[0] & 0xff) == 0xef
            && (head[1] & 0xff) == 0xbb
            && (head[2] & 0xff) == 0xbf;
    if (!bom) {
      p.unread(head);
    }
    return p;
  }

  private static boolean isBlank(CsvRecord record) {
    return record.getFieldCount() == 1 && record.getField(0).isBlank();
  }

  /** The state of one read. */
  private static final class Parse {
    private final String source;
    private final Dataset.Builder rows;
    private final Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
    private final List<RowProblem> problems = new ArrayList<>();
    private final List<DroppedRow> droppedList = new ArrayList<>();
    private int[] index; // position of each required column in the file
    private int fieldCount;
    private long read;
    private long malformed;

    Parse(String source, int expectedRows) {
      this.source = source;
      this.rows = Dataset.builder(expectedRows);
    }

    boolean hasHeader() {
      return index != null;
    }

    void header(CsvRecord record) throws DatasetRejectedException {
      try {
        this.index = CsvHeader.positions(record.getFields());
      } catch (CsvHeader.Unusable e) {
        fail(e.getMessage());
      }
      this.fieldCount = record.getFieldCount();
    }

    void row(CsvRecord record) throws DatasetRejectedException {
      read++;
      long line = record.getStartingLineNumber();
      for (String field : record.getFields()) {
        if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
          fail(
              "line "
                  + line
                  + ": a quoted field runs over several lines (is a closing quote missing?); the"
                  + " rest of the file cannot be read reliably");
        }
      }
      if (record.getFieldCount() != fieldCount) {
        problem(
            line,
            null,
            null,
            "expected " + fieldCount + " fields, found " + record.getFieldCount());
        return;
      }
      try {
        double carat = number(record, 0);
        Cut cut = Cut.parse(field(record, 1));
        Color color = Color.parse(field(record, 2));
        Clarity clarity = Clarity.parse(field(record, 3));
        double depth = number(record, 4);
        double table = number(record, 5);
        double price = number(record, 6);
        double x = number(record, 7);
        double y = number(record, 8);
        double z = number(record, 9);
        if (!(carat > 0)) {
          throw new BadField(0, field(record, 0), "carat must be greater than 0");
        }
        nonNegative(record, 4, depth);
        nonNegative(record, 5, table);
        nonNegative(record, 7, x);
        nonNegative(record, 8, y);
        nonNegative(record, 9, z);
        if (x * y * z == 0) {
          int zero = x == 0 ? 7 : y == 0 ? 8 : 9;
          drop(line, DropReason.ZERO_DIMENSION, zero, field(record, zero));
        } else if (price <= 0) {
          drop(line, DropReason.NON_POSITIVE_PRICE, 6, field(record, 6));
        } else {
          rows.add(carat, cut, color, clarity, depth, table, price, x, y, z);
        }
      } catch (BadField e) {
        problem(line, COLUMNS.get(e.column), e.value, e.getMessage());
      } catch (UnknownGradeException e) {
        problem(
            line,
            e.field(),
            e.value(),
            "not a known " + e.field() + "; allowed values: " + String.join(", ", e.allowed()));
      }
    }

    private String field(CsvRecord record, int column) {
      return record.getField(index[column]);
    }

    private double number(CsvRecord record, int column) {
      String text = field(record, column).strip();
      if (!DecimalNumber.matches(text)) {
        throw new BadField(
            column, text, DecimalNumber.isNonFinite(text) ? "not a finite number" : "not a number");
      }
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v)) {
        throw new BadField(column, text, "not a finite number");
      }
      return v;
    }

    private void nonNegative(CsvRecord record, int column, double v) {
      if (v < 0) {
        throw new BadField(column, field(record, column), COLUMNS.get(column) + " is negative");
      }
    }

    private void drop(long line, DropReason reason, int column, String value) {
      dropped.merge(reason, 1L, Long::sum);
      if (droppedList.size() < QualityReport.MAX_LISTED_DROPPED) {
        droppedList.add(
            new DroppedRow(
                line,
                reason,
                COLUMNS.get(column),
                RowProblem.cut(value.strip().replace('\0', '\uFFFD'))));
      }
    }

    private void problem(long line, String column, String value, String message) {
      malformed++;
      if (problems.size() < QualityReport.MAX_LISTED_PROBLEMS) {
        problems.add(
            new RowProblem(
                line,
                column,
                value == null ? null : RowProblem.cut(value.replace('\0', '\uFFFD')),
                message.replace('\0', '\uFFFD')));
      }
    }

    void fail(String why) throws DatasetRejectedException {
      throw new DatasetRejectedException(report(why));
    }

    LoadedDataset finish(double maxMalformedShare) throws DatasetRejectedException {
      if (index == null) {
        fail("the file is empty: a header line naming the columns is required");
      }
      if (read == 0) {
        fail("the file has a header but no data rows");
      }
      if (malformed > maxMalformedShare * read) {
        fail(
            String.format(
                Locale.ROOT,
                "%d of %d rows are malformed (%.1f%%), more than the %.1f%% allowed",
                malformed,
                read,
                100.0 * malformed / read,
                100.0 * maxMalformedShare));
      }
      if (rows.size() == 0) {
        fail("no usable row: every row was malformed or dropped by the cleaning");
      }
      QualityReport report = report(null);
      return new LoadedDataset(rows.build(), report);
    }

    private QualityReport report(String rejection) {
      long kept = rejection == null ? rows.size() : 0;
      return new QualityReport(
          source, read, kept, dropped, malformed, problems, rejection, droppedList);
    }
  }

  /** A field that cannot be used; caught per row. */
  private static final class BadField extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int column;
    final String value;

    BadField(int column, String value, String message) {
      super(message, null, false, false);
      this.column = column;
      this.value = value;
    }
  }
}
