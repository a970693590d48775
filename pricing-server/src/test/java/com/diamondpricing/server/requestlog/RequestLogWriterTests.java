package com.diamondpricing.server.requestlog;

import static com.diamondpricing.server.requestlog.RequestLogTesting.awaitIdle;
import static com.diamondpricing.server.requestlog.RequestLogTesting.journalFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The writer alone on a SQLite file whose connections a switch can refuse: the journal at a
 * shutdown without the database and its replay at the next start, exactly once; a refused row; an
 * unreadable journal line; submit never waiting.
 */
class RequestLogWriterTests {

  @TempDir Path dir;
  String url;
  Switch database;
  Path journal;

  @BeforeEach
  void database() {
    url = "jdbc:sqlite:" + dir.resolve("log.db") + "?journal_mode=WAL&busy_timeout=5000";
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration/sqlite")
        .load()
        .migrate();
    database = new Switch(url);
    journal = dir.resolve("journal");
  }

  static RequestLogProperties properties(String... settings) {
    Map<String, String> map = new HashMap<>();
    for (String s : settings) {
      int eq = s.indexOf('=');
      map.put("diamonds.request-log." + s.substring(0, eq), s.substring(eq + 1));
    }
    return new Binder(new MapConfigurationPropertySource(map))
        .bindOrCreate("diamonds.request-log", RequestLogProperties.class);
  }

  RequestLogWriter writer(MeterRegistry meters, String... settings) {
    return new RequestLogWriter(database, null, properties(settings), journal, meters);
  }

  static double count(MeterRegistry meters, String name) {
    return meters.get("diamonds.requestlog." + name).counter().count();
  }

  long rows() throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from request_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  long journalLines() throws Exception {
    long lines = 0;
    try (Stream<Path> files = Files.list(journal)) {
      for (Path f : files.filter(Journal::isJournal).toList()) {
        lines += Files.readAllLines(f).size();
      }
    }
    return lines;
  }

  static List<RequestRecord> records(String prefix, int n) {
    List<RequestRecord> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(RequestLogTesting.record(prefix + "-" + i, Instant.now()));
    }
    return list;
  }

  @Test
  void aShutdownWithoutTheDatabaseJournalsEverythingAndTheNextStartReplaysIt() throws Exception {
    database.up = false;
    MeterRegistry first = new SimpleMeterRegistry();
    RequestLogWriter down = writer(first, "shutdown-timeout=300ms", "journal-after=10s");
    down.start();
    records("down", 50).forEach(down::submit);
    long start = System.nanoTime();
    down.stop();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
    assertThat(rows()).isZero();
    assertThat(journalLines()).isEqualTo(50);
    assertThat(count(first, "spilled")).isEqualTo(50);
    assertThat(count(first, "retried")).isPositive();
    assertThat(count(first, "dropped")).isZero();

    database.up = true;
    MeterRegistry second = new SimpleMeterRegistry();
    RequestLogWriter up = writer(second);
    up.start();
    try {
      awaitIdle(up);
      assertThat(rows()).isEqualTo(50);
      assertThat(count(second, "replayed")).isEqualTo(50);
      assertThat(count(second, "logged")).isEqualTo(50);
      assertThat(journalFiles(journal)).isZero();
    } finally {
      up.stop();
    }
  }

  @Test
  void aReplayedFileIsNeverReplayedTwice() throws Exception {
    database.up = false;
    RequestLogWriter down = writer(new SimpleMeterRegistry(), "shutdown-timeout=100ms");
    down.start();
    records("once", 10).forEach(down::submit);
    down.stop();
    Path file;
    try (Stream<Path> files = Files.list(journal)) {
      file = files.filter(Journal::isJournal).findFirst().orElseThrow();
    }
    Path copy = dir.resolve("copy");
    Files.copy(file, copy);

    database.up = true;
    RequestLogWriter up = writer(new SimpleMeterRegistry());
    up.start();
    awaitIdle(up);
    up.stop();
    assertThat(rows()).isEqualTo(10);

    // as if the process had died between the replay's commit and the file's deletion
    Files.copy(copy, file, StandardCopyOption.REPLACE_EXISTING);
    MeterRegistry meters = new SimpleMeterRegistry();
    RequestLogWriter again = writer(meters);
    again.start();
    awaitIdle(again);
    again.stop();
    assertThat(rows()).isEqualTo(10);
    assertThat(count(meters, "replayed")).isZero();
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void aRowTheDatabaseRefusesIsWrittenPlainAndHoldsUpNothing() throws Exception {
    MeterRegistry meters = new SimpleMeterRegistry();
    RequestLogWriter writer = writer(meters);
    records("fine", 9).forEach(writer::submit);
    RequestRecord r = RequestLogTesting.record("refused", Instant.now());
    writer.submit(
        new RequestRecord(
            r.requestId(),
            r.receivedAt(),
            null, // method is required: the batch fails, this row is written with '?'
            r.path(),
            r.query(),
            r.client(),
            r.userAgent(),
            r.requestContentType(),
            "{\"a\": \"\\u0000 \u0000\"}",
            false,
            r.status(),
            r.responseContentType(),
            r.responseBody(),
            false,
            r.durationMs(),
            null,
            null,
            null));
    writer.start();
    try {
      awaitIdle(writer);
      assertThat(rows()).isEqualTo(10);
      assertThat(count(meters, "dropped")).isZero();
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select method, request_body from request_log where request_id = 'refused'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("?");
        assertThat(rs.getString(2)).isEqualTo("{\"a\": \"\\u0000 \uFFFD\"}");
      }
    } finally {
      writer.stop();
    }
  }

  @Test
  void anUnreadableJournalLineIsCountedAsDropped() throws Exception {
    Files.createDirectories(journal);
    Path file = journal.resolve("journal-20260101T000000.000Z-test.jsonl");
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      for (RequestRecord r : records("kept", 3)) {
        out.println(Journal.line(r));
      }
      out.print("{\"requestId\":\"cut-by-a-hard-kill\",\"rece");
    }
    MeterRegistry meters = new SimpleMeterRegistry();
    RequestLogWriter writer = writer(meters);
    writer.start();
    try {
      awaitIdle(writer);
      assertThat(rows()).isEqualTo(3);
      assertThat(count(meters, "replayed")).isEqualTo(3);
      assertThat(count(meters, "dropped")).isEqualTo(1);
      assertThat(Files.exists(file)).isFalse();
    } finally {
      writer.stop();
    }
  }

  @Test
  void submitNeverWaitsForTheDatabaseAndNothingIsLost() throws Exception {
    database.up = false;
    MeterRegistry meters = new SimpleMeterRegistry();
    RequestLogWriter writer =
        writer(
            meters,
            "queue-capacity=10",
            "journal-after=10s",
            "shutdown-timeout=100ms",
            "journal-file-records=300");
    writer.start();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String prefix = "fast-" + t;
        done.add(threads.submit(() -> records(prefix, 500).forEach(writer::submit)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdown();
    }
    assertThat((System.nanoTime() - start) / 1_000_000).as("2000 submits, ms").isLessThan(3000);
    assertThat(writer.queued()).isLessThanOrEqualTo(10);
    writer.stop();
    assertThat(count(meters, "spilled")).isEqualTo(2000);
    assertThat(journalLines()).isEqualTo(2000);
    assertThat(journalFiles(journal)).isGreaterThanOrEqualTo(7);

    database.up = true;
    RequestLogWriter up = writer(new SimpleMeterRegistry());
    up.start();
    try {
      awaitIdle(up);
      assertThat(rows()).isEqualTo(2000);
    } finally {
      up.stop();
    }
  }

  /** SQLite connections that fail, like a database that is down, while the switch is off. */
  static final class Switch implements DataSource {
    private final String url;
    volatile boolean up = true;

    Switch(String url) {
      this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (!up) {
        throw new SQLException("the database is switched off", "08001");
      }
      return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
