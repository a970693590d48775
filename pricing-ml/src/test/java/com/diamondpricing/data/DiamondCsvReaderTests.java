package com.diamondpricing.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.diamondpricing.TestData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DiamondCsvReaderTests {

  static final String HEADER = "carat,cut,color,clarity,depth,table,price,x,y,z\n";
  static final String ROW = "1.1,Ideal,H,SI2,62.0,55.0,4733,6.61,6.65,4.11\n";

  static LoadedDataset read(String csv) throws Exception {
    return read(csv, DiamondCsvReader.DEFAULT_MAX_MALFORMED_SHARE);
  }

  static LoadedDataset read(String csv, double share) throws Exception {
    return new DiamondCsvReader(share)
        .read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
  }

  static QualityReport rejection(String csv) {
    try {
      read(csv);
    } catch (DatasetRejectedException e) {
      return e.report();
    } catch (Exception e) {
      throw new AssertionError("expected a rejection, got " + e, e);
    }
    throw new AssertionError("expected a rejection, but the file was accepted");
  }

  @Test
  void cleansTheBundledDataAsTheNotebookDoes() {
    LoadedDataset loaded = TestData.bundled();
    QualityReport r = loaded.report();
    assertThat(r.rowsRead()).isEqualTo(5000);
    assertThat(r.rowsKept()).isEqualTo(4989);
    assertThat(r.dropped())
        .containsEntry(DropReason.NON_POSITIVE_PRICE, 10L)
        .containsEntry(DropReason.ZERO_DIMENSION, 1L);
    assertThat(r.malformedRows()).isZero();
    assertThat(r.accepted()).isTrue();
    assertThat(loaded.dataset().size()).isEqualTo(4989);
    Dataset d = loaded.dataset();
    assertThat(d.carat(0)).isEqualTo(1.1);
    assertThat(d.cut(0)).isEqualTo(Cut.IDEAL);
    assertThat(d.color(0)).isEqualTo(Color.H);
    assertThat(d.clarity(0)).isEqualTo(Clarity.SI2);
    assertThat(d.price(0)).isEqualTo(4733);
    assertThat(d.z(0)).isEqualTo(4.11);
  }

  @Test
  void aHeaderSpellingColourAsThePagesDoIsRead() throws Exception {
    LoadedDataset loaded = read(" Carat,Cut,Colour,Clarity,Depth,Table,Price,X,Y,Z\n" + ROW);
    assertThat(loaded.dataset().size()).isEqualTo(1);
    assertThat(loaded.dataset().color(0)).isEqualTo(Color.H);
    assertThat(CsvHeader.columnName("\uFEFFColour ")).isEqualTo("color");
    assertThat(
            rejection("carat,cut,color,colour,clarity,depth,table,price,x,y,z\n" + ROW).rejection())
        .contains("'color' appears more than once");
  }

  @Test
  void aFileWithMoreRowsThanTheCapIsRejectedAndOneAtTheCapIsNot() throws Exception {
    DiamondCsvReader capped = new DiamondCsvReader(DiamondCsvReader.DEFAULT_MAX_MALFORMED_SHARE, 3);
    byte[] three = (HEADER + ROW.repeat(3)).getBytes(StandardCharsets.UTF_8);
    assertThat(capped.read(new ByteArrayInputStream(three), "t.csv").dataset().size()).isEqualTo(3);
    byte[] four = (HEADER + ROW.repeat(4)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> capped.read(new ByteArrayInputStream(four), "t.csv"))
        .isInstanceOf(DatasetRejectedException.class)
        .hasMessageContaining("more than 3 rows");
  }

  @Test
  void aProblemKeepsAtMostAFewHundredCharactersOfItsValue() {
    QualityReport r =
        rejection(HEADER + "1.1,Ideal,H,SI2,62.0,55.0," + "9".repeat(5000) + "x,6.61,6.65,4.11\n");
    RowProblem p = r.problems().get(0);
    assertThat(p.value()).hasSize(RowProblem.MAX_VALUE).endsWith("\u2026");
    assertThat(r.describeWithoutValues()).contains("line 2, column 'price'").doesNotContain("999");
  }

  @Test
  void columnsMayComeInAnyOrderWithExtraColumnsAndOtherCase() throws Exception {
    String csv =
        "id,PRICE,z,y,x,Table,Depth,clarity,color,cut,carat,note\n"
            + "7,4733,4.11,6.65,6.61,55.0,62.0,SI2,H,Ideal,1.1,hello\n";
    Dataset d = read(csv).dataset();
    assertThat(d.diamond(0)).isEqualTo(read(HEADER + ROW).dataset().diamond(0));
    assertThat(d.price(0)).isEqualTo(4733);
  }

  @Test
  void handlesCrlfBomQuotesAndTrailingBlankLines() throws Exception {
    String csv =
        "\uFEFF"
            + HEADER.replace("\n", "\r\n")
            + "\"1.1\",\"Very Good\",H,SI2,62.0,55.0,\"4733\",6.61,6.65,4.11\r\n"
            + "\r\n\r\n";
    LoadedDataset loaded = read(csv);
    assertThat(loaded.dataset().size()).isEqualTo(1);
    assertThat(loaded.dataset().cut(0)).isEqualTo(Cut.VERY_GOOD);
    assertThat(loaded.report().rowsRead()).isEqualTo(1);
  }

  @Test
  void gradesAreCaseInsensitiveAndTrimmed() throws Exception {
    Dataset d = read(HEADER + "1.1, very good ,h,si2,62.0,55.0,4733,6.61,6.65,4.11\n").dataset();
    assertThat(d.cut(0)).isEqualTo(Cut.VERY_GOOD);
    assertThat(d.clarity(0)).isEqualTo(Clarity.SI2);
  }

  @Test
  void malformedRowsUnderTheShareAreSkippedAndReportedWithLineColumnAndValue() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 40; i++) {
      csv.append(ROW);
    }
    csv.append("1.1,Ideal,H,SI2,62.0,55.0,abc,6.61,6.65,4.11\n"); // line 42
    csv.append("1.1,Superb,H,SI2,62.0,55.0,4733,6.61,6.65,4.11\n"); // line 43
    LoadedDataset loaded = read(csv.toString(), 0.05);
    QualityReport r = loaded.report();
    assertThat(r.accepted()).isTrue();
    assertThat(r.rowsRead()).isEqualTo(42);
    assertThat(r.rowsKept()).isEqualTo(40);
    assertThat(r.malformedRows()).isEqualTo(2);
    assertThat(r.problems())
        .containsExactly(
            new RowProblem(42, "price", "abc", "not a number"),
            new RowProblem(
                43,
                "cut",
                "Superb",
                "not a known cut; allowed values: Fair, Good, Very Good, Ideal, Premium"));
    assertThat(r.describe()).contains("line 42, column 'price', value 'abc': not a number");
  }

  @Test
  void theNotebooksCleaningIsCountedByReason() throws Exception {
    String csv =
        HEADER
            + ROW
            + "1.0,Good,F,SI1,64.1,60.0,-1,6.25,6.19,3.99\n"
            + "1.0,Good,F,SI1,64.1,60.0,0,6.25,6.19,3.99\n"
            + "2.25,Premium,H,SI2,62.8,59.0,18034,0.0,0.0,0.0\n"
            + "2.25,Premium,H,SI2,62.8,59.0,18034,5.0,5.0,0\n";
    QualityReport r = read(csv).report();
    assertThat(r.rowsKept()).isEqualTo(1);
    assertThat(r.dropped())
        .containsEntry(DropReason.NON_POSITIVE_PRICE, 2L)
        .containsEntry(DropReason.ZERO_DIMENSION, 2L);
    assertThat(r.droppedRows()).isEqualTo(4);
  }

  @Test
  void everyDroppedRowIsListedWithItsLineAndReason() throws Exception {
    String csv =
        HEADER
            + ROW
            + "1.0,Good,F,SI1,64.1,60.0,-1,6.25,6.19,3.99\n"
            + ROW
            + "2.25,Premium,H,SI2,62.8,59.0,18034,5.0,0,3.1\n";
    QualityReport r = read(csv).report();
    assertThat(r.droppedList())
        .containsExactly(
            new DroppedRow(3, DropReason.NON_POSITIVE_PRICE, "price", "-1"),
            new DroppedRow(5, DropReason.ZERO_DIMENSION, "y", "0"));
    assertThat(r.droppedList().get(0).message())
        .isEqualTo("price -1 is not above 0: a price must be positive (price <= 0)");
    assertThat(r.describe())
        .contains("line 3: price -1 is not above 0", "line 5: y is 0: the length, width and depth");
    assertThat(r.describeWithoutValues()).contains("line 3: price is not above 0 (price <= 0)");
  }

  @Test
  void onlyTheFirstHundredDroppedRowsAreListedButAllAreCounted() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER).append(ROW);
    for (int i = 0; i < 150; i++) {
      csv.append("1.0,Good,F,SI1,64.1,60.0,0,6.25,6.19,3.99\n");
    }
    QualityReport r = read(csv.toString()).report();
    assertThat(r.droppedRows()).isEqualTo(150);
    assertThat(r.droppedList()).hasSize(QualityReport.MAX_LISTED_DROPPED);
    assertThat(r.droppedList().get(99).line()).isEqualTo(102);
    assertThat(r.describe()).contains("... and 50 more dropped");
  }

  @Test
  void equalContentHasEqualHashWhateverTheLayout() throws Exception {
    String other =
        "z,y,x,price,table,depth,clarity,color,cut,carat\r\n4.11,6.65,6.61,4733,55,62,SI2,H,ideal,1.10\r\n";
    assertThat(read(other).dataset().contentHash())
        .isEqualTo(read(HEADER + ROW).dataset().contentHash());
    assertThat(read(HEADER + ROW.replace("4733", "4734")).dataset().contentHash())
        .isNotEqualTo(read(HEADER + ROW).dataset().contentHash());
  }

  @Nested
  class MalformedRows {

    QualityReport problemsOf(String badRow) throws Exception {
      StringBuilder csv = new StringBuilder(HEADER);
      csv.append(badRow);
      for (int i = 0; i < 99; i++) {
        csv.append(ROW);
      }
      return read(csv.toString(), 0.05).report();
    }

    @Test
    void nanAndInfinityAreNotFinite() throws Exception {
      assertThat(problemsOf("1.1,Ideal,H,SI2,NaN,55.0,4733,6.61,6.65,4.11\n").problems())
          .containsExactly(new RowProblem(2, "depth", "NaN", "not a finite number"));
      assertThat(problemsOf("1.1,Ideal,H,SI2,62,Infinity,4733,6.61,6.65,4.11\n").problems())
          .containsExactly(new RowProblem(2, "table", "Infinity", "not a finite number"));
      assertThat(problemsOf("1.1,Ideal,H,SI2,62,55,1e999,6.61,6.65,4.11\n").problems())
          .containsExactly(new RowProblem(2, "price", "1e999", "not a finite number"));
    }

    @Test
    void negativeOrZeroCaratAndNegativeMeasurements() throws Exception {
      assertThat(problemsOf("-1.1,Ideal,H,SI2,62,55,4733,6.61,6.65,4.11\n").problems())
          .containsExactly(new RowProblem(2, "carat", "-1.1", "carat must be greater than 0"));
      assertThat(problemsOf("0,Ideal,H,SI2,62,55,4733,6.61,6.65,4.11\n").problems())
          .extracting(RowProblem::column)
          .containsExactly("carat");
      assertThat(problemsOf("1.1,Ideal,H,SI2,62,55,4733,-6.61,6.65,4.11\n").problems())
          .containsExactly(new RowProblem(2, "x", "-6.61", "x is negative"));
    }

    @Test
    void javaOnlyNumberSpellingsAreRefused() throws Exception {
      for (String v : new String[] {"0x1p3", "1.5d", "2f", "1e", ".", "1,5", ""}) {
        String row = "1.1,Ideal,H,SI2,62,55,\"" + v + "\",6.61,6.65,4.11\n";
        assertThat(problemsOf(row).problems())
            .as(v)
            .extracting(RowProblem::column)
            .containsExactly("price");
      }
    }

    @Test
    void wrongFieldCountAndTruncatedLastLine() throws Exception {
      assertThat(problemsOf("1.1,Ideal,H,SI2,62,55,4733,6.61,6.65\n").problems())
          .containsExactly(new RowProblem(2, null, null, "expected 10 fields, found 9"));
      String truncated = HEADER + ROW.repeat(99) + "1.1,Ideal,H,SI2,62.0,5";
      QualityReport r = read(truncated).report();
      assertThat(r.problems()).extracting(RowProblem::line).containsExactly(101L);
      assertThat(r.rowsKept()).isEqualTo(99);
    }

    @Test
    void onlyTheFirstHundredProblemsAreListedButAllAreCounted() throws Exception {
      String csv =
          HEADER + ROW.repeat(3000) + "1.1,Ideal,H,SI2,62,55,x,6.61,6.65,4.11\n".repeat(150);
      QualityReport r = read(csv).report();
      assertThat(r.malformedRows()).isEqualTo(150);
      assertThat(r.problems()).hasSize(QualityReport.MAX_LISTED_PROBLEMS);
      assertThat(r.describe()).contains("... and 50 more");
    }
  }

  @Nested
  class RejectedFiles {

    @Test
    void emptyFile() {
      assertThat(rejection("").rejection()).contains("empty", "header");
      assertThat(rejection("\n\n").rejection()).contains("empty");
    }

    @Test
    void headerOnly() {
      assertThat(rejection(HEADER).rejection()).contains("no data rows");
    }

    @Test
    void missingColumnIsNamed() {
      String csv =
          "carat,cut,color,clarity,depth,table,x,y,z\n1.1,Ideal,H,SI2,62,55,6.61,6.65,4.11\n";
      assertThat(rejection(csv).rejection()).contains("lacks the column price");
    }

    @Test
    void wrongDelimiterNamesEveryMissingColumn() {
      String csv = HEADER.replace(',', ';') + ROW.replace(',', ';');
      assertThat(rejection(csv).rejection())
          .contains("lacks the columns carat, cut, color, clarity, depth, table, price, x, y, z");
    }

    @Test
    void duplicateColumn() {
      String csv = "carat,carat,cut,color,clarity,depth,table,price,x,y,z\n";
      assertThat(rejection(csv).rejection()).contains("'carat' appears more than once");
    }

    @Test
    void tooManyMalformedRows() {
      String csv = HEADER + ROW.repeat(90) + "1.1,Ideal,H,SI2,62,55,x,6.61,6.65,4.11\n".repeat(10);
      QualityReport r = rejection(csv);
      assertThat(r.rejection()).contains("10 of 100 rows are malformed (10.0%)", "5.0% allowed");
      assertThat(r.problems()).hasSize(10);
      assertThat(r.problems().get(0).line()).isEqualTo(92);
    }

    @Test
    void noUsableRow() {
      String csv = HEADER + "1.0,Good,F,SI1,64.1,60.0,-1,6.25,6.19,3.99\n";
      assertThat(rejection(csv).rejection()).contains("no usable row");
    }

    @Test
    void binaryGarbage() {
      byte[] garbage = new byte[4096];
      new java.util.Random(1).nextBytes(garbage);
      assertThatThrownBy(
              () -> new DiamondCsvReader().read(new ByteArrayInputStream(garbage), "garbage.bin"))
          .isInstanceOf(DatasetRejectedException.class);
    }

    @Test
    void aHugeSingleLineIsRejectedWithoutReadingItAllIntoOneField() {
      String csv = HEADER + "1".repeat(5_000_000);
      assertThat(rejection(csv).rejection()).contains("not readable CSV");
    }

    @Test
    void anUnterminatedQuoteRejectsTheFileInsteadOfSwallowingTheRest() {
      String csv =
          HEADER
              + ROW.repeat(90)
              + "0.5,\"Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n"
              + ROW.repeat(200);
      assertThat(rejection(csv).rejection()).contains("line 92", "closing quote");
    }

    @Test
    void shareMustBeAFraction() {
      assertThatThrownBy(() -> new DiamondCsvReader(1.5)).hasMessageContaining("maxMalformedShare");
    }
  }
}
