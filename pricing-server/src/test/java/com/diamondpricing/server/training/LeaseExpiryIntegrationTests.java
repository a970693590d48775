package com.diamondpricing.server.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.support.MovableClock;
import com.diamondpricing.server.support.SqliteDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

/**
 * On SQLite a lease is measured by the injected clock: a running run whose lease the clock has not
 * passed yet is left alone by the recovery, and once the clock passes it the run is marked
 * interrupted. (On PostgreSQL leases follow the database's clock: see {@code
 * TwoServersPostgresIntegrationTests}.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.inbox.enabled=false",
      "diamonds.training.dispatch=false",
      "diamonds.serving.enabled=false",
      "diamonds.training.lease=60s"
    })
@Import(LeaseExpiryIntegrationTests.Time.class)
@DirtiesContext
class LeaseExpiryIntegrationTests implements SqliteDatabase {

  static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  /** The application's clock, moved by the test. */
  static class Time {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock(START);
    }
  }

  @Autowired MovableClock clock;
  @Autowired TrainingRunStore runs;
  @Autowired TrainingPipeline pipeline;
  @Autowired DatasetStore datasets;

  @Test
  void aRunIsInterruptedOnlyOnceTheClockHasPassedItsLease() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv")).subList(0, 101);
    long snapshot =
        datasets
            .ingest(
                new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                "head.csv",
                IngestMode.REPLACE)
            .snapshot()
            .id();
    assertThat(runs.now()).isEqualTo(START);
    TrainingRun run =
        runs.createRunning(
            snapshot,
            List.of("linear"),
            1,
            Trigger.API,
            new RunOptions(42, 1, 0),
            "a-server-that-died",
            runs.now().plus(Duration.ofSeconds(60)));
    assertThat(run.startedAt()).isEqualTo(START);

    clock.advance(Duration.ofSeconds(59));
    pipeline.recover();
    assertThat(pipeline.get(run.id()).status())
        .as("lease not expired")
        .isEqualTo(RunStatus.RUNNING);

    clock.advance(Duration.ofSeconds(2));
    pipeline.recover();
    TrainingRun recovered = pipeline.get(run.id());
    assertThat(recovered.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(recovered.error().code()).isEqualTo(RunError.INTERRUPTED);
    assertThat(recovered.finishedAt()).isEqualTo(START.plusSeconds(61));
  }
}
