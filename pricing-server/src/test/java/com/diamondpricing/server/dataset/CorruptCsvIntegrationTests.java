package com.diamondpricing.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.data.DropReason;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.training.RunStatus;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.TrainingRun;
import com.diamondpricing.server.training.Trigger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Corrupt CSV files never do harm: each is rejected whole with a message that says what is wrong
 * (with line and column where there is one), and the current data, the stored snapshots, the
 * registry and the champion stay exactly as they were.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"diamonds.bootstrap=false", "diamonds.inbox.enabled=false"})
abstract class CorruptCsvIntegrationTests {

  static final String HEADER = "carat,cut,color,clarity,depth,table,price,x,y,z\n";
  static final String ROW = "0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n";
  static final String SOURCE = "corrupt.csv";
  static final int HUNDRED_MB = 100_000_000;

  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ModelRegistry registry;

  /** What must not change. */
  record State(long currentSnapshot, int snapshots, long champion, List<Long> models, int runs) {}

  State state() {
    return new State(
        datasets.current().orElseThrow().id(),
        datasets.list().size(),
        registry.champion().orElseThrow().id(),
        registry.list().stream().map(ModelEntry::id).toList(),
        pipeline.list(10_000).size());
  }

  /** The bundled data with a linear champion trained on it, once per database. */
  @BeforeEach
  void champion() throws Exception {
    if (registry.champion().isPresent()) {
      return;
    }
    try (InputStream in = Files.newInputStream(Path.of("../data/diamonds.csv"))) {
      Snapshot snapshot = datasets.ingest(in, "diamonds.csv", IngestMode.REPLACE).snapshot();
      TrainingRun run =
          pipeline.runNow(
              new TrainingPipeline.RunRequest(snapshot.id(), List.of("linear"), null),
              Trigger.CLI,
              TrainingListener.NONE);
      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    }
    assertThat(registry.champion()).isPresent();
  }

  /** Opens a corrupt file's content (a fresh stream each time). */
  @FunctionalInterface
  interface Content {
    InputStream open() throws IOException;
  }

  /**
   * A corrupt file and what the rejection must say.
   *
   * @param content the bytes
   * @param message fragments of the exception's message (the rejection, one line)
   * @param report fragments of the quality report's readable account (per-row problems)
   */
  record Corrupt(Content content, List<String> message, List<String> report) {}

  static Named<Corrupt> corrupt(String name, byte[] bytes, String... message) {
    return corrupt(name, bytes, List.of(message), List.of());
  }

  static Named<Corrupt> corrupt(
      String name, byte[] bytes, List<String> message, List<String> report) {
    return Named.of(name, new Corrupt(() -> new ByteArrayInputStream(bytes), message, report));
  }

  static Named<Corrupt> corrupt(String name, Content content, String... message) {
    return Named.of(name, new Corrupt(content, List.of(message), List.of()));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String rows(int n, String row) {
    return row.repeat(n);
  }

  static String allRowsMalformed(int n) {
    return n + " of " + n + " rows are malformed (100.0%), more than the 5.0% allowed";
  }

  static Stream<Named<Corrupt>> corruptFiles() throws IOException {
    byte[] garbage = new byte[64 * 1024];
    new Random(7).nextBytes(garbage);
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (OutputStream z = new GZIPOutputStream(gzip)) {
      z.write(utf8(HEADER + rows(200, ROW)));
    }
    String lacksAll = "line 1: the header lacks the columns carat, cut, color, clarity, depth";
    return Stream.of(
        corrupt("empty file", new byte[0], "corrupt.csv rejected: the file is empty"),
        corrupt("header only", utf8(HEADER), "the file has a header but no data rows"),
        corrupt(
            "header only, with a byte-order mark and CRLF",
            utf8("\uFEFF" + HEADER.replace("\n", "\r\n") + "\r\n\r\n"),
            "the file has a header but no data rows"),
        corrupt(
            "only blank lines",
            utf8("\n\n   \r\n\t\n\n"),
            "the file is empty: a header line naming the columns is required"),
        corrupt(
            "semicolon as the delimiter",
            utf8((HEADER + rows(3, ROW)).replace(',', ';')),
            lacksAll,
            "the header read: carat;cut;color;clarity"),
        corrupt(
            "tab as the delimiter",
            utf8((HEADER + rows(3, ROW)).replace(',', '\t')),
            lacksAll,
            "the header read: carat\tcut\tcolor"),
        corrupt(
            "a missing column",
            utf8(
                "carat,cut,color,clarity,depth,table,x,y,z\n"
                    + rows(3, "0.5,Ideal,E,VS1,61.5,55,5.1,5.12,3.15\n")),
            "line 1: the header lacks the column price ",
            "required: carat, cut, color, clarity, depth, table, price, x, y, z"),
        corrupt(
            "a duplicate column",
            utf8(
                "carat,cut,color,clarity,depth,table,price,x,y,z,Price\n"
                    + rows(3, "0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15,1600\n")),
            "line 1: column 'price' appears more than once in the header"),
        corrupt(
            "text in a numeric column",
            utf8(HEADER + rows(5, "0.5,Ideal,E,VS1,61.5,55,abc,5.1,5.12,3.15\n")),
            List.of(allRowsMalformed(5)),
            List.of(
                "line 2, column 'price', value 'abc': not a number",
                "line 6, column 'price', value 'abc': not a number")),
        corrupt(
            "NaN",
            utf8(HEADER + rows(5, "NaN,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n")),
            List.of(allRowsMalformed(5)),
            List.of("line 2, column 'carat', value 'NaN': not a finite number")),
        corrupt(
            "Infinity",
            utf8(HEADER + rows(5, "0.5,Ideal,E,VS1,Infinity,55,1500,5.1,5.12,-inf\n")),
            List.of(allRowsMalformed(5)),
            List.of("line 3, column 'depth', value 'Infinity': not a finite number")),
        corrupt(
            "unknown grades",
            utf8(
                HEADER
                    + "0.5,Superb,E,VS1,61.5,55,1500,5.1,5.12,3.15\n"
                    + "0.5,Ideal,Q,VS1,61.5,55,1500,5.1,5.12,3.15\n"
                    + "0.5,Ideal,E,XX,61.5,55,1500,5.1,5.12,3.15\n"),
            List.of(allRowsMalformed(3)),
            List.of(
                "line 2, column 'cut', value 'Superb': not a known cut; allowed values: Fair,"
                    + " Good, Very Good, Ideal, Premium",
                "line 3, column 'color', value 'Q': not a known color",
                "line 4, column 'clarity', value 'XX': not a known clarity")),
        corrupt(
            "a truncated last line",
            utf8(HEADER + rows(3, ROW) + "0.5,Ideal,E,V"),
            List.of("1 of 4 rows are malformed (25.0%)"),
            List.of("line 5: expected 10 fields, found 4")),
        corrupt(
            "an unterminated quote",
            utf8(HEADER + rows(2, ROW) + "0.5,\"Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n" + ROW),
            List.of("line 4", "closing quote missing"),
            List.of()),
        corrupt("binary garbage", garbage, lacksAll),
        corrupt("a gzip-compressed CSV", gzip.toByteArray(), lacksAll),
        corrupt("NUL bytes", new byte[4096], lacksAll),
        corrupt(
            "a 100 MB single line",
            () -> bigFile(new byte[0], "0123456789".getBytes(StandardCharsets.US_ASCII)),
            "the file is not readable CSV",
            "first record",
            "maximum buffer size of 1048576"),
        corrupt(
            "a valid header, then a 100 MB line",
            () -> bigFile(utf8(HEADER), "1,".getBytes(StandardCharsets.US_ASCII)),
            "the file is not readable CSV",
            "line 2",
            "maximum limit of 16384 fields"),
        corrupt(
            "a UTF-16 file",
            ("\uFEFF" + HEADER + rows(3, ROW)).getBytes(StandardCharsets.UTF_16LE),
            lacksAll),
        corrupt(
            "more malformed rows than the 5% allowed",
            utf8(
                HEADER
                    + rows(50, ROW)
                    + rows(3, "0.5,Ideal,E,VS1,61.5,55,n/a,5.1,5.12,3.15\n")
                    + rows(44, ROW)
                    + rows(3, "0.5,Ideal,E,VS1,61.5,55\n")),
            List.of("6 of 100 rows are malformed (6.0%), more than the 5.0% allowed"),
            List.of(
                "line 52, column 'price', value 'n/a': not a number",
                "line 99: expected 10 fields, found 6",
                "line 101: expected 10 fields, found 6")),
        corrupt(
            "every row with a non-positive price",
            utf8(
                HEADER
                    + rows(5, "0.5,Ideal,E,VS1,61.5,55,0,5.1,5.12,3.15\n")
                    + rows(5, "0.5,Ideal,E,VS1,61.5,55,-1500,5.1,5.12,3.15\n")),
            List.of("no usable row: every row was malformed or dropped by the cleaning"),
            List.of("dropped (price <= 0): 10")),
        corrupt(
            "every row with a zero dimension",
            utf8(HEADER + rows(4, "0.5,Ideal,E,VS1,61.5,55,1500,5.1,0,3.15\n")),
            List.of("no usable row"),
            List.of("dropped (x * y * z == 0): 4")),
        corrupt(
            "negative carat everywhere",
            utf8(HEADER + rows(5, "-0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n")),
            List.of(allRowsMalformed(5)),
            List.of("line 2, column 'carat', value '-0.5': carat must be greater than 0")),
        corrupt(
            "negative measurements everywhere",
            utf8(HEADER + rows(5, "0.5,Ideal,E,VS1,61.5,55,1500,-5.1,5.12,3.15\n")),
            List.of(allRowsMalformed(5)),
            List.of("line 2, column 'x', value '-5.1': x is negative")),
        corrupt(
            "wrong field counts everywhere",
            utf8(
                HEADER
                    + rows(3, "0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12\n")
                    + rows(3, "0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15,7\n")),
            List.of(allRowsMalformed(6)),
            List.of("line 2: expected 10 fields, found 9", "line 7: expected 10 fields, found 11")),
        corrupt(
            "a header with trailing commas and no data",
            utf8("carat,cut,color,clarity,depth,table,price,x,y,z,,,\n\n"),
            "the file has a header but no data rows"),
        corrupt(
            "a header, then rows of empty fields",
            utf8(HEADER + rows(3, ",,,,,,,,,\n")),
            List.of(allRowsMalformed(3)),
            List.of("line 2, column 'carat', value '': not a number")),
        corrupt(
            "an HTML page",
            utf8(
                "<!DOCTYPE html>\n<html lang=\"en\"><head><title>404 Not Found</title></head>\n"
                    + "<body><h1>Not Found</h1><p>carat, cut, price</p></body></html>\n"),
            lacksAll,
            "the header read: <!DOCTYPE html>"),
        corrupt(
            "a JSON file",
            utf8(
                "[{\"carat\": 0.5, \"cut\": \"Ideal\", \"color\": \"E\", \"clarity\": \"VS1\","
                    + " \"price\": 1500}]\n"),
            lacksAll,
            "the header read: [{\"carat\": 0.5"),
        corrupt(
            "numbers with thousands separators",
            utf8(HEADER + rows(4, "0.5,Ideal,E,VS1,61.5,55,\"1,500\",5.1,5.12,3.15\n")),
            List.of(allRowsMalformed(4)),
            List.of("line 2, column 'price', value '1,500': not a number")),
        corrupt(
            "hexadecimal and Java-style numbers",
            utf8(
                HEADER
                    + "0x1p-1,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n"
                    + "0.5d,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n"),
            List.of(allRowsMalformed(2)),
            List.of(
                "line 2, column 'carat', value '0x1p-1': not a number",
                "line 3, column 'carat', value '0.5d': not a number")));
  }

  /**
   * A file of {@code head} then one line of about 100 MB (no line break), written in 1 MB pieces to
   * a temporary file that is deleted when the stream closes: memory stays small.
   */
  static InputStream bigFile(byte[] head, byte[] piece) throws IOException {
    Path file = Files.createTempFile("diamonds-100mb-", ".csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(head);
      byte[] chunk = new byte[1 << 20];
      for (int i = 0; i < chunk.length; i++) {
        chunk[i] = piece[i % piece.length];
      }
      for (long written = 0; written < HUNDRED_MB; written += chunk.length) {
        out.write(chunk);
      }
    }
    return Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptFiles")
  void isRejectedWithAClearMessageAndChangesNothing(Corrupt file) throws Exception {
    for (IngestMode mode : IngestMode.values()) {
      State before = state();
      assertThatExceptionOfType(DatasetRejectedException.class)
          .as("ingesting with mode %s", mode)
          .isThrownBy(
              () -> {
                try (InputStream in = file.content().open()) {
                  datasets.ingest(in, SOURCE, mode);
                }
              })
          .satisfies(
              e -> {
                assertThat(e.getMessage()).startsWith(SOURCE + " rejected: ");
                file.message().forEach(m -> assertThat(e.getMessage()).contains(m));
                assertThat(e.report().accepted()).isFalse();
                assertThat(e.report().rowsKept()).isZero();
                assertThat(e.report().describe()).contains("REJECTED: " + e.report().rejection());
                file.report().forEach(m -> assertThat(e.report().describe()).contains(m));
              });
      assertThat(state()).isEqualTo(before);
    }
  }

  /** The 100 MB line is refused after reading about 1 MB of it, not after buffering it all. */
  @Test
  void aHundredMegabyteLineIsRefusedWithoutReadingItAll() throws Exception {
    long[] read = {0};
    try (InputStream big = bigFile(new byte[0], new byte[] {'7'});
        InputStream counting =
            new InputStream() {
              @Override
              public int read() throws IOException {
                int b = big.read();
                read[0] += b < 0 ? 0 : 1;
                return b;
              }

              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                int n = big.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
              }
            }) {
      assertThatExceptionOfType(DatasetRejectedException.class)
          .isThrownBy(() -> datasets.ingest(counting, SOURCE, IngestMode.REPLACE));
    }
    assertThat(read[0]).isLessThan(HUNDRED_MB / 10);
  }

  /**
   * A few malformed rows under the allowed share are left out and reported; the file is used. Row
   * values with a NUL character must not break storing the quality report (PostgreSQL refuses NUL
   * in text and JSON).
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(IngestMode.class)
  void aFewMalformedRowsAreReportedAndTheRestIsUsed(IngestMode mode) throws Exception {
    String text =
        HEADER
            + rows(97, ROW)
            + "0.5,Ideal,E,VS1,61.5,55,15\u000000,5.1,5.12,3.15\n"
            + "0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12\n"
            + "-0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n"
            + "0.5,Ide\u0000al,E,VS1,61.5,55,1500,5.1,5.12,3.15\n";
    State before = state();
    IngestResult result =
        datasets.ingest(new ByteArrayInputStream(utf8(text)), "few-bad-rows.csv", mode);
    assertThat(result.report().accepted()).isTrue();
    assertThat(result.report().rowsRead()).isEqualTo(101);
    assertThat(result.report().malformedRows()).isEqualTo(4);
    assertThat(result.report().dropped().get(DropReason.NON_POSITIVE_PRICE)).isZero();
    assertThat(result.report().describe())
        .contains("line 99, column 'price', value '15\uFFFD00': not a number")
        .contains("line 100: expected 10 fields, found 9")
        .contains("line 101, column 'carat', value '-0.5': carat must be greater than 0")
        .contains("line 102, column 'cut', value 'Ide\uFFFDal': not a known cut")
        .doesNotContain("\u0000");
    assertThat(datasets.current().orElseThrow().id()).isEqualTo(result.snapshot().id());
    assertThat(datasets.find(result.snapshot().id()).orElseThrow().rowsMalformed()).isEqualTo(4);
    assertThat(registry.champion().orElseThrow().id()).isEqualTo(before.champion());
  }

  /**
   * A quote that opens a field and never closes swallows every following line into one field: the
   * rows after it are lost but counted as one malformed row, so a long file is accepted with most
   * of its rows silently gone. The reader refuses any field that runs over several lines.
   */
  @Test
  void anUnterminatedQuoteDoesNotSilentlySwallowTheRestOfTheFile() {
    String text =
        HEADER
            + rows(90, ROW)
            + "0.5,\"Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n"
            + rows(200, ROW.replace("1500", "1600"));
    State before = state();
    assertThatExceptionOfType(DatasetRejectedException.class)
        .isThrownBy(
            () -> datasets.ingest(new ByteArrayInputStream(utf8(text)), SOURCE, IngestMode.REPLACE))
        .withMessageContaining("line 92");
    assertThat(state()).isEqualTo(before);
  }

  /** Sanity check of the fixture: the rows used above are valid on their own. */
  @Test
  void theRowUsedAboveIsValid() throws Exception {
    IngestResult r =
        datasets.ingest(
            new ByteArrayInputStream(utf8(HEADER + ROW)), "one-row.csv", IngestMode.APPEND);
    assertThat(r.report().rowsKept()).isEqualTo(1);
    assertThat(r.report().problems()).isEmpty();
  }
}
