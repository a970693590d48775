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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service ({@code target/pricing-server.jar serve}, SQLite in a fresh state folder)
 * gets SIGTERM in the middle of a load: every request that got an answer is in the database once
 * the process has exited, once each, and nothing waits in the journal. Run by Failsafe after {@code
 * package}.
 */
class RequestLogShutdownEndToEndTests {

  static final String DIAMOND =
      "{\"carat\": 1.1, \"cut\": \"Ideal\", \"color\": \"H\", \"clarity\": \"SI2\","
          + " \"depth\": 62.0, \"table\": 55.0, \"x\": 6.61, \"y\": 6.65, \"z\": 4.11}";
  static final int THREADS = 4;

  @TempDir Path home;
  Process server;

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
    Path jar = Path.of("target/pricing-server.jar").toAbsolutePath();
    assertThat(jar).as("the packaged jar (mvn package)").exists();
    int port = freePort();
    Path log = home.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "serve",
                "--diamonds.training.trials=2")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("DIAMONDS_") || k.equals("SERVER_PORT"));
    env.put("DIAMONDS_HOME", home.toString());
    env.put("SERVER_PORT", Integer.toString(port));
    server = builder.start();

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String base = "http://127.0.0.1:" + port;
    awaitReady(http, base, log);

    Set<String> answered = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong sigtermAt = new AtomicLong(Long.MAX_VALUE);
    AtomicInteger afterSigterm = new AtomicInteger();
    List<Thread> load = new ArrayList<>();
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
                    http.send(request, HttpResponse.BodyHandlers.ofString());
                    answered.add(id);
                    if (System.nanoTime() > sigtermAt.get()) {
                      afterSigterm.incrementAndGet();
                    }
                  } catch (IOException e) {
                    if (System.nanoTime() > sigtermAt.get()) {
                      return; // the server has stopped taking requests
                    }
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "load-" + t);
      load.add(th);
      th.start();
    }
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (answered.size() < 1500 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(answered.size()).as("answers before SIGTERM").isGreaterThan(100);
    sigtermAt.set(System.nanoTime());
    server.destroy(); // SIGTERM
    assertThat(server.waitFor(90, TimeUnit.SECONDS)).as("the server exits after SIGTERM").isTrue();
    stop.set(true);
    for (Thread th : load) {
      th.join(30_000);
    }

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
    String serverLog = Files.readString(log);
    System.out.printf(
        "SIGTERM end to end: %d answered (%d after SIGTERM), %d recorded%n",
        answered.size(), afterSigterm.get(), recorded.size());
    assertThat(recorded.keySet()).as(serverLog).containsAll(answered);
    assertThat(recorded.values()).as("rows per request").containsOnly(1);
    assertThat(RequestLogTesting.journalFiles(home.resolve("request-log")))
        .as("records left in the journal")
        .isZero();
    assertThat(serverLog).contains("Request log: stopped", "0 dropped");
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
