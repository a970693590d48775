package com.diamondpricing.server.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service ({@code target/pricing-server.jar serve}, SQLite in a fresh state folder)
 * stopped in the middle of a load, gracefully (SIGTERM) or not at all ({@code kill -9}): every
 * request that got an answer is in the database once each (after the restart that replays the
 * journal, for the kill), and nothing is left in the journal. Run by Failsafe after {@code
 * package}.
 */
class RequestLogEndToEndTests {

  static final String DIAMOND =
      "{\"carat\": 1.1, \"cut\": \"Ideal\", \"color\": \"H\", \"clarity\": \"SI2\","
          + " \"depth\": 62.0, \"table\": 55.0, \"x\": 6.61, \"y\": 6.65, \"z\": 4.11}";
  static final int THREADS = 4;

  @TempDir Path home;
  Process server;
  int port;
  Path log;
  HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @AfterEach
  void killLeftovers() {
    if (server != null && server.isAlive()) {
      server.destroyForcibly();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @BeforeAll
  static void onlyAfterPackage() {
    Assumptions.assumeTrue(
        Boolean.getBoolean("diamonds.end-to-end"),
        "end-to-end tests run in Failsafe, after package (the jar may be stale before)");
  }

  @Test
  void sigtermUnderLoadLosesNoRecord() throws Exception {
    start("first.log");
    Load load = new Load();
    load.until(1500);
    load.stopAt = System.nanoTime();
    server.destroy(); // SIGTERM
    assertThat(server.waitFor(90, TimeUnit.SECONDS)).as("the server exits after SIGTERM").isTrue();
    load.finish();

    Map<String, Integer> recorded = recorded();
    String serverLog = Files.readString(log);
    System.out.printf(
        "SIGTERM end to end: %d answered (%d after SIGTERM), %d refused by the paused connector,"
            + " %d recorded%n",
        load.answered.size(), load.afterStop.get(), load.refusedByConnector.get(), recorded.size());
    assertThat(recorded.keySet()).as(serverLog).containsAll(load.answered);
    assertThat(recorded.values()).as("rows per request").containsOnly(1);
    assertThat(RequestLogTesting.journalFiles(home.resolve("request-log")))
        .as("records left in the journal")
        .isZero();
    assertThat(serverLog).contains("Request log: stopped", "0 dropped");
  }

  @Test
  void killNineUnderLoadLosesNoAnsweredRequest() throws Exception {
    // a writer that gathers for 3 s: at the kill, the last records are in the journal only
    start(
        "first.log",
        "--diamonds.request-log.batch-size=100000",
        "--diamonds.request-log.flush-interval=3s");
    Load load = new Load();
    load.until(3000);
    load.stopAt = System.nanoTime();
    server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    load.finish();
    Map<String, Integer> beforeRestart = recorded();

    start("second.log"); // replays the journal
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Map<String, Integer> recorded = recorded();
    while (!recorded.keySet().containsAll(load.answered) && System.nanoTime() < until) {
      Thread.sleep(200);
      recorded = recorded();
    }
    Thread.sleep(500); // a second copy of a row would show up by now
    recorded = recorded();
    Set<String> missing = new java.util.TreeSet<>(load.answered);
    missing.removeAll(recorded.keySet());
    System.out.printf(
        "kill -9 end to end: %d answered, %d in the database at the kill, %d after the restart,"
            + " %d missing%n",
        load.answered.size(), beforeRestart.size(), recorded.size(), missing.size());
    assertThat(missing).as(Files.readString(log)).isEmpty();
    assertThat(recorded.values()).as("rows per request").containsOnly(1);
    assertThat(beforeRestart.size())
        .as("some records were only in the journal at the kill")
        .isLessThan(load.answered.size());
    server.destroy();
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(RequestLogTesting.journalFiles(home.resolve("request-log"))).isZero();
  }

  private void start(String logName, String... settings) throws Exception {
    Path jar = Path.of("target/pricing-server.jar").toAbsolutePath();
    assertThat(jar).as("the packaged jar (mvn package)").exists();
    if (port == 0) {
      port = freePort();
    }
    log = home.resolve(logName);
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "serve",
                "--diamonds.training.trials=2"));
    command.addAll(List.of(settings));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("DIAMONDS_") || k.equals("SERVER_PORT"));
    env.put("DIAMONDS_HOME", home.toString());
    env.put("SERVER_PORT", Integer.toString(port));
    server = builder.start();
    awaitReady(http, "http://127.0.0.1:" + port, log);
  }

  /** Request ids and how many rows each has in the database. */
  private Map<String, Integer> recorded() throws Exception {
    Map<String, Integer> recorded = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("diamonds.db"));
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select request_id, count(*) from request_log where request_id like 'e2e-%'"
                    + " group by request_id")) {
      while (rs.next()) {
        recorded.put(rs.getString(1), rs.getInt(2));
      }
    }
    return recorded;
  }

  /**
   * Predictions and reads from a few threads; an id counts once the application's whole answer is
   * in (it echoes the request id). A graceful shutdown pauses the connector first: a request that
   * arrives then on a kept-alive connection gets Tomcat's own 503 without reaching the application,
   * so it is counted apart.
   */
  private final class Load {
    final Set<String> answered = ConcurrentHashMap.newKeySet();
    final AtomicInteger refusedByConnector = new AtomicInteger();
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger afterStop = new AtomicInteger();
    volatile long stopAt = Long.MAX_VALUE;
    final List<Thread> threads = new ArrayList<>();

    Load() {
      String base = "http://127.0.0.1:" + port;
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Thread th =
            new Thread(
                () -> {
                  for (int i = 0; !stop.get(); i++) {
                    String id = "e2e-" + thread + "-" + i;
                    HttpRequest request =
                        (i % 5 == 4
                                ? HttpRequest.newBuilder(
                                        URI.create(base + "/api/v1/models?limit=" + i))
                                    .GET()
                                : HttpRequest.newBuilder(URI.create(base + "/api/v1/predictions"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(DIAMOND)))
                            .header("X-Request-Id", id)
                            .timeout(Duration.ofSeconds(20))
                            .build();
                    try {
                      HttpResponse<String> response =
                          http.send(request, HttpResponse.BodyHandlers.ofString());
                      if (response.headers().firstValue("X-Request-Id").isEmpty()) {
                        // Tomcat's own 503 on a kept-alive connection once the connector is
                        // paused: the application never saw the request
                        refusedByConnector.incrementAndGet();
                        continue;
                      }
                      answered.add(id);
                      if (System.nanoTime() > stopAt) {
                        afterStop.incrementAndGet();
                      }
                    } catch (IOException e) {
                      if (System.nanoTime() > stopAt) {
                        return; // the server has stopped taking requests
                      }
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                },
                "load-" + t);
        threads.add(th);
        th.start();
      }
    }

    void until(int answers) throws InterruptedException {
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (answered.size() < answers && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(answered.size()).as("answers before the stop").isGreaterThan(100);
    }

    void finish() throws InterruptedException {
      stop.set(true);
      for (Thread th : threads) {
        th.join(30_000);
      }
    }
  }

  private void awaitReady(HttpClient http, String base, Path log) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < until) {
      assertThat(server.isAlive()).as("the server is running: " + tail(log)).isTrue();
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server did not become ready: " + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
