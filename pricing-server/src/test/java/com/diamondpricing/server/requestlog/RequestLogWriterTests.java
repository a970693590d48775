package com.diamondpricing.server.requestlog;

import static com.diamondpricing.server.requestlog.RequestLogTesting.awaitIdle;
import static com.diamondpricing.server.requestlog.RequestLogTesting.journalFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * The request log's journal and writer alone, on a SQLite file whose connections a switch can
 * refuse: every record is journaled before {@code record} returns; what is written is deleted; a
 * shutdown without the database, or a process that dies, leaves the rest for the next start, which
 * replays exactly what the database lacks; a full queue spills to the journal and the replay keeps
 * up under traffic; a refused row, an unreadable line, a full journal, a broken file.
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

  /** A request log (journal, queue, writer) as the configuration builds it. */
  static final class Log {
    final MeterRegistry meters = new SimpleMeterRegistry();
    final Journal journal;
    final RecordQueue queue;
    final StorageGate gate;
    final RequestLog log;
    final RequestLogWriter writer;

    Log(DataSource database, Path dir, String... settings) {
      RequestLogProperties p = properties(settings);
      journal =
          new Journal(
              dir,
              p.journalMaxSize().toBytes(),
              p.segmentSize().toBytes(),
              p.segmentAge().toNanos(),
              Clock.systemUTC());
      queue = new RecordQueue(p.queueCapacity(), p.queueMaxBytes().toBytes());
      RequestLogMetrics metrics = new RequestLogMetrics(meters, queue, journal);
      gate = new StorageGate(journal);
      log = new RequestLog(journal, queue, metrics, gate);
      writer =
          new RequestLogWriter(
              database, null, p, journal, queue, metrics, log::inFlight, Clock.systemUTC());
    }

    double count(String name) {
      return meters.get("diamonds.requestlog." + name).counter().count();
    }
  }

  Log log(String... settings) {
    return new Log(database, journal, settings);
  }

  long rows() throws SQLException {
    return query("select count(*) from request_log");
  }

  long distinctRows() throws SQLException {
    return query("select count(distinct request_id) from request_log");
  }

  long query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  long journalLines() throws Exception {
    long lines = 0;
    try (Stream<Path> files = Files.list(journal)) {
      for (Path f : files.filter(Journal::isJournal).toList()) {
        for (byte b : Files.readAllBytes(f)) {
          lines += b == '\n' ? 1 : 0; // an open segment is mapped: zeros follow its last line
        }
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
  void everyRecordIsJournaledBeforeRecordReturnsAndTheFileGoesOnceWritten() throws Exception {
    Log log = log();
    records("before-start", 5).forEach(log.log::record);
    assertThat(journalLines()).as("journaled before any writer runs").isEqualTo(5);
    log.writer.start();
    try {
      records("running", 95).forEach(log.log::record);
      awaitIdle(log.writer);
      assertThat(rows()).isEqualTo(100);
      assertThat(log.count("logged")).isEqualTo(100);
      assertThat(log.count("spilled")).isZero();
    } finally {
      log.writer.stop();
    }
    assertThat(journalFiles(journal)).as("every line is written: no file is left").isZero();
    assertThat(query("select count(*) from request_log_segment")).isZero();
  }

  @Test
  void aShutdownWithoutTheDatabaseLeavesTheJournalAndTheNextStartReplaysIt() throws Exception {
    database.up = false;
    Log down = log("shutdown-timeout=300ms");
    down.writer.start();
    records("down", 50).forEach(down.log::record);
    long start = System.nanoTime();
    down.writer.stop();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
    assertThat(rows()).isZero();
    assertThat(journalLines()).isEqualTo(50);
    assertThat(down.count("retried")).isPositive();
    assertThat(down.count("dropped")).isZero();

    database.up = true;
    Log up = log();
    up.writer.start();
    try {
      awaitIdle(up.writer);
      assertThat(rows()).isEqualTo(50);
      assertThat(up.count("replayed")).isEqualTo(50);
      assertThat(journalFiles(journal)).isZero();
    } finally {
      up.writer.stop();
    }
  }

  @Test
  void aProcessThatDiesIsReplayedFromWhereTheDatabaseStopped() throws Exception {
    Switch firstProcess = new Switch(url);
    Log dying = new Log(firstProcess, journal);
    dying.writer.start();
    records("written", 120).forEach(dying.log::record);
    awaitIdle(dying.writer);
    firstProcess.up = false; // from now on nothing of this process reaches the database
    records("journaled-only", 80).forEach(dying.log::record);
    assertThat(rows()).isEqualTo(120);
    // the process dies here: no stop, the journal files stay as they are

    Log next = log();
    next.writer.start();
    try {
      awaitIdle(next.writer);
      assertThat(rows()).isEqualTo(200);
      assertThat(distinctRows()).as("no record written twice").isEqualTo(200);
      assertThat(next.count("replayed")).isEqualTo(80);
      assertThat(journalFiles(journal)).isZero();
    } finally {
      next.writer.stop();
      dying.writer.stop();
    }
  }

  @Test
  void aFileWhoseLinesAreAllInTheDatabaseIsNotReplayedAgain() throws Exception {
    // as if a process had died after the commit of a file's last lines but before deleting it
    Files.createDirectories(journal);
    Path file = journal.resolve("journal-20260101T000000.000Z-done.jsonl");
    try (var out = Files.newOutputStream(file)) {
      for (RequestRecord r : records("done", 10)) {
        out.write(RecordLines.encode(r));
      }
    }
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s =
            c.prepareStatement(
                "insert into request_log_segment (name, committed_offset, updated_at)"
                    + " values (?, ?, ?)")) {
      s.setString(1, file.getFileName().toString());
      s.setLong(2, Files.size(file));
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      s.executeUpdate();
    }
    Log log = log();
    log.writer.start();
    try {
      awaitIdle(log.writer);
      assertThat(rows()).isZero();
      assertThat(log.count("replayed")).isZero();
      assertThat(Files.exists(file)).isFalse();
    } finally {
      log.writer.stop();
    }
  }

  @Test
  void aRowTheDatabaseRefusesIsWrittenPlainAndHoldsUpNothing() throws Exception {
    Log log = log();
    records("fine", 9).forEach(log.log::record);
    RequestRecord r = RequestLogTesting.record("refused", Instant.now());
    log.log.record(
        new RequestRecord(
            r.requestId(),
            r.receivedAt(),
            null, // method is required: the batch fails, this row is written with '?'
            r.path(),
            null,
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
            null,
            null,
            null,
            List.of()));
    log.writer.start();
    try {
      awaitIdle(log.writer);
      assertThat(rows()).isEqualTo(10);
      assertThat(log.count("dropped")).isZero();
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
      log.writer.stop();
    }
  }

  @Test
  void anUnreadableJournalLineIsCountedAsDropped() throws Exception {
    Files.createDirectories(journal);
    Path file = journal.resolve("journal-20260101T000000.000Z-test.jsonl");
    try (var out = Files.newOutputStream(file)) {
      for (RequestRecord r : records("kept", 3)) {
        out.write(RecordLines.encode(r));
      }
      out.write("{\"requestId\":\"cut-by-a-crash\",\"rece".getBytes());
    }
    Log log = log();
    log.writer.start();
    try {
      awaitIdle(log.writer);
      assertThat(rows()).isEqualTo(3);
      assertThat(log.count("replayed")).isEqualTo(3);
      assertThat(log.count("dropped")).isEqualTo(1);
      assertThat(Files.exists(file)).isFalse();
    } finally {
      log.writer.stop();
    }
  }

  @Test
  void aFullQueueSpillsToTheJournalAndTheReplayKeepsUpUnderTraffic() throws Exception {
    Log log = log("queue-capacity=10", "segment-size=20KB", "batch-size=50");
    log.writer.start();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String prefix = "busy-" + t;
        done.add(threads.submit(() -> records(prefix, 1000).forEach(log.log::record)));
      }
      for (Future<?> f : done) {
        f.get();
      }
      assertThat((System.nanoTime() - start) / 1_000_000).as("4000 records, ms").isLessThan(10000);
      awaitIdle(log.writer);
      assertThat(rows()).isEqualTo(4000);
      assertThat(distinctRows()).isEqualTo(4000);
      assertThat(log.count("spilled")).as("more than a queue of 10 can hold").isPositive();
      assertThat(log.count("replayed")).isEqualTo(log.count("spilled"));
      assertThat(log.count("dropped")).isZero();
      assertThat(journalFiles(journal)).isZero();
    } finally {
      threads.shutdown();
      log.writer.stop();
    }
  }

  @Test
  void pastItsQuotaTheJournalRefusesRecordsUntilTheDatabaseTakesIt() throws Exception {
    database.up = false;
    Log log = log("journal-max-size=4KB", "shutdown-timeout=100ms", "segment-age=1s");
    log.writer.start();
    try {
      long kept = records("quota", 100).stream().filter(log.log::record).count();
      assertThat(log.count("dropped")).isPositive();
      long journaled = journalLines();
      assertThat(journaled).as("every record said to be kept is in the journal").isEqualTo(kept);
      assertThat(journaled + (long) log.count("dropped")).isEqualTo(100);
      assertThat(log.journal.bytes()).isLessThanOrEqualTo(4096);
      assertThat(log.log.open()).as("the gate shuts until the quota has room").isFalse();
      assertThat(log.gate.reason()).contains("journal-max-size");
      database.up = true;
      awaitIdle(log.writer);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!log.log.open() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(log.log.open()).as("open again once the database took the journal").isTrue();
      assertThat(log.log.record(RequestLogTesting.record("after", Instant.now()))).isTrue();
    } finally {
      log.writer.stop();
    }
  }

  @Test
  void aJournalFileThatFailsAWriteIsLeftAndAnotherOneTakesTheLine() throws Exception {
    Log log = log();
    records("first", 3).forEach(log.log::record);
    Segment broken = log.journal.current();
    Field map = Segment.class.getDeclaredField("map");
    map.setAccessible(true);
    // the next write into it fails, as a mapping whose pages the disk cannot back would
    map.set(broken, (MappedByteBuffer) ((MappedByteBuffer) map.get(broken)).asReadOnlyBuffer());
    records("second", 3).forEach(log.log::record);
    assertThat(log.journal.current()).isNotSameAs(broken);
    assertThat(broken.closed()).isTrue();
    assertThat(log.count("dropped")).isZero();
    log.writer.start();
    try {
      awaitIdle(log.writer);
      assertThat(rows()).isEqualTo(6);
    } finally {
      log.writer.stop();
    }
  }

  @Test
  void theJournalIsForItsOwnerOnly() throws Exception {
    Log log = log();
    log.log.record(RequestLogTesting.record("private", Instant.now()));
    Path file = log.journal.current().path;
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)))
        .isEqualTo("rwx------");
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
