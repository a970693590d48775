package com.diamondpricing.server.requestlog;

import static com.diamondpricing.server.requestlog.RequestLogTesting.await;
import static com.diamondpricing.server.requestlog.RequestLogTesting.awaitIdle;
import static com.diamondpricing.server.requestlog.RequestLogTesting.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.training.TrainingPipeline;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The journal on a small file system (a 4 MB tmpfs mounted by the test) that fills up under load:
 * no request hangs, none is answered 200 without its record (and its priced diamonds) reaching the
 * database, none is recorded that was answered 503 {@code storage-full}; readiness is DOWN while it
 * lasts, and everything comes back by itself once space is freed. Mounting needs root: the test is
 * skipped where it cannot mount, except in CI ({@code CI} set), where that fails it. The concrete
 * suites give the database: the records and the priced diamonds are looked for in it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.admin-token=secret-token-storage",
      "diamonds.request-log.segment-size=256KB",
      "diamonds.request-log.segment-age=1s"
    })
@DirtiesContext
abstract class StorageFullIntegrationTests {

  /** The small file system, mounted once for the suites on both databases. */
  static Path disk;

  static final String BATCH;

  static {
    StringBuilder b = new StringBuilder("{\"diamonds\": [");
    for (int i = 0; i < 50; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"carat\": ")
          .append(0.3 + i * 0.02)
          .append(", \"cut\": \"Ideal\", \"color\": \"G\", \"clarity\": \"VS1\", \"x\": 4.5}");
    }
    BATCH = b.append("]}").toString();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RequestLogWriter writer;
  @Autowired MeterRegistry meters;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @DynamicPropertySource
  static void journalOnASmallDisk(DynamicPropertyRegistry registry) {
    String journal = "journal-" + UUID.randomUUID();
    registry.add("diamonds.request-log.journal-dir", () -> disk.resolve(journal).toString());
  }

  @BeforeAll
  static synchronized void smallDisk() {
    if (disk == null) {
      disk = mount();
    }
  }

  /** A 4 MB tmpfs, or the test is skipped (failed in CI) where it cannot be mounted. */
  static Path mount() {
    try {
      Path dir = Files.createTempDirectory("diamonds-small-disk");
      Process p =
          new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", dir.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return cannotMount("mount -t tmpfs failed: " + out.strip());
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> unmount(dir)));
      return dir;
    } catch (IOException e) {
      return cannotMount("mount cannot run: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return cannotMount("interrupted");
    }
  }

  private static Path cannotMount(String why) {
    if (System.getenv("CI") != null) {
      throw new IllegalStateException("CI must run the full-disk test, but " + why);
    }
    Assumptions.abort("a small file system cannot be mounted here: " + why);
    return null;
  }

  /** At the end of the test run (the suites on both databases share the mount). */
  static void unmount(Path dir) {
    try {
      new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor();
    } catch (IOException e) {
      // the mount goes with the machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @BeforeEach
  void champion() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
  }

  HttpResponse<String> price(String requestId) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/predictions/batch"))
            .header("Content-Type", "application/json")
            .header("X-Request-Id", requestId)
            .timeout(Duration.ofSeconds(10)) // a hung request fails the test
            .POST(HttpRequest.BodyPublishers.ofString(BATCH))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  int readiness() throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  long rows(String table, String requestId) {
    return jdbc.sql("select count(*) from " + table + " where request_id = ?")
        .param(requestId)
        .query(Long.class)
        .single();
  }

  /** Fills the file system, leaving what a few lines take; the filler to delete afterwards. */
  static Path fill() throws IOException {
    Path filler = disk.resolve("filler");
    byte[] chunk = new byte[16 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(chunk);
        out.flush();
      }
    } catch (IOException full) {
      // no space left: the point
    }
    return filler;
  }

  @Test
  void aFullDiskAnswers503StorageFullRecordsNothingItDidNotAnswerAndRecovers() throws Exception {
    String run = id("full");
    assertThat(price(run + "-warm").statusCode()).isEqualTo(200);
    assertThat(readiness()).isEqualTo(200);

    Path filler = fill();
    List<String> answered = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < 400 && refused.size() < 5; i++) {
      String requestId = run + "-" + i;
      HttpResponse<String> r = price(requestId);
      if (r.statusCode() == 200) {
        answered.add(requestId);
      } else if (r.statusCode() == 503) {
        assertThat(r.body()).contains("\"code\":\"storage-full\"").doesNotContain("Exception");
        assertThat(r.headers().firstValue("Retry-After")).contains("10");
        refused.add(requestId);
      } else {
        fail("unexpected answer %d: %s", r.statusCode(), r.body());
      }
    }
    assertThat(refused).as("answers refused once the disk is full").isNotEmpty();
    assertThat(readiness()).as("readiness while nothing can be recorded").isEqualTo(503);
    assertThat(meters.get("diamonds.requestlog.storage.full").gauge().value()).isEqualTo(1.0);
    assertThat(meters.get("diamonds.requestlog.refused").counter().count())
        .isGreaterThanOrEqualTo(refused.size());

    Files.delete(filler);
    await(Duration.ofSeconds(20), "readiness UP once space returns", () -> readinessUp());
    String after = run + "-after";
    assertThat(price(after).statusCode()).isEqualTo(200);
    answered.add(after);

    awaitIdle(writer);
    await(
        Duration.ofSeconds(20),
        "every answered request in the database",
        () -> answered.stream().allMatch(id -> rows("request_log", id) == 1));
    for (String id : answered) {
      assertThat(rows("prediction", id)).as("the diamonds priced by %s", id).isEqualTo(50);
    }
    for (String id : refused) {
      assertThat(rows("request_log", id)).as("refused %s is not recorded", id).isZero();
      assertThat(rows("prediction", id)).as("refused %s priced nothing kept", id).isZero();
    }
  }

  private boolean readinessUp() {
    try {
      return readiness() == 200;
    } catch (Exception e) {
      return false;
    }
  }
}
