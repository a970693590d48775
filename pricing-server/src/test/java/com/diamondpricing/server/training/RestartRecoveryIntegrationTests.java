package com.diamondpricing.server.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.system.DiamondsProperties;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run left running by a server that was killed (issue 22, row 11): after a restart it is marked
 * interrupted at once when its process is known to have ended (a lock file of this state folder
 * that nobody holds), or once its lease expired, and it is run again once, as a new queued run that
 * names it ({@code retryOf}); a retry interrupted in turn is not run again and says what to do. The
 * dead server is simulated by a run written as running with its owner's lock file left behind,
 * unheld, as {@code kill -9} leaves it; {@link TrainingPipeline#recover} is what the restarted
 * server runs at start. The dispatcher is off, so retries stay queued to be looked at.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.inbox.enabled=false",
      "diamonds.training.dispatch=false",
      "diamonds.serving.enabled=false",
      "diamonds.training.lease=60s"
    })
@DirtiesContext
abstract class RestartRecoveryIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired TrainingRunStore runs;
  @Autowired TrainingPipeline pipeline;
  @Autowired DatasetStore datasets;
  @Autowired DiamondsProperties properties;
  @Autowired JdbcClient jdbc;

  long snapshot;

  @BeforeEach
  void aSnapshot() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv")).subList(0, 101);
    snapshot =
        datasets
            .ingest(
                new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                "head.csv",
                IngestMode.REPLACE)
            .snapshot()
            .id();
  }

  /** An owner of this state folder whose process was killed: its lock file is left, unheld. */
  String killedOwner() throws Exception {
    String owner = "this-host-4242-" + UUID.randomUUID().toString().substring(0, 8);
    Path owners = properties.home().toAbsolutePath().resolve("owners");
    Files.createDirectories(owners);
    Files.createFile(owners.resolve(owner + ".lock"));
    return owner;
  }

  TrainingRun running(String owner, Trigger trigger, Instant leaseUntil) {
    return runs.createRunning(
        snapshot, List.of("linear"), 1, trigger, new RunOptions(42, 1, 0), owner, leaseUntil);
  }

  Instant leaseAhead() {
    return runs.now().plus(Duration.ofSeconds(60));
  }

  List<TrainingRun> retriesOf(long id) {
    return pipeline.list(1000).stream()
        .filter(r -> r.retryOf() != null && r.retryOf() == id)
        .toList();
  }

  JsonNode view(long id) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/training-runs/" + id))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void aRunWhoseProcessWasKilledIsInterruptedAtOnceAndRunAgainOnce() throws Exception {
    TrainingRun run = running(killedOwner(), Trigger.API, leaseAhead());

    pipeline.recover(); // at start: the lease has 60 s to go, the process is gone

    TrainingRun interrupted = pipeline.get(run.id());
    assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(interrupted.error().code()).isEqualTo(RunError.INTERRUPTED);
    List<TrainingRun> retries = retriesOf(run.id());
    assertThat(retries).hasSize(1);
    TrainingRun retry = retries.get(0);
    assertThat(retry.status()).isEqualTo(RunStatus.QUEUED);
    assertThat(retry.snapshotId()).isEqualTo(run.snapshotId());
    assertThat(retry.modelTypes()).isEqualTo(run.modelTypes());
    assertThat(retry.trigger()).isEqualTo(Trigger.API);
    assertThat(retry.options()).isEqualTo(run.options());
    assertThat(interrupted.error().message())
        .contains("its process ended")
        .contains("run " + retry.id() + " runs it again");

    JsonNode shown = view(retry.id());
    assertThat(shown.get("retryOf").asLong()).isEqualTo(run.id());
    assertThat(shown.get("reason").asString()).contains("a retry of run " + run.id());
    assertThat(view(run.id()).get("errorCode").asString()).isEqualTo("interrupted");

    pipeline.recover(); // looking again retries nothing twice
    assertThat(retriesOf(run.id())).hasSize(1);
  }

  @Test
  void aRunWhoseLeaseExpiredIsInterruptedAndRunAgainOnce() {
    TrainingRun run =
        running(
            "another-machine-7-" + UUID.randomUUID(), Trigger.INBOX, runs.now().minusSeconds(1));

    pipeline.recover();

    assertThat(pipeline.get(run.id()).status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(pipeline.get(run.id()).error().message()).contains("its lease expired");
    assertThat(retriesOf(run.id()))
        .singleElement()
        .extracting(TrainingRun::trigger)
        .isEqualTo(Trigger.INBOX);
  }

  @Test
  void aRetryInterruptedInTurnIsNotRunAgainAndSaysWhatToDo() throws Exception {
    TrainingRun first = running(killedOwner(), Trigger.API, leaseAhead());
    pipeline.recover();
    TrainingRun retry = retriesOf(first.id()).get(0);
    String owner = killedOwner(); // the retry is taken, then that server is killed too
    jdbc.sql("update training_run set status = 'running', owner = ?, started_at = ? where id = ?")
        .params(owner, java.sql.Timestamp.from(runs.now()), retry.id())
        .update();

    pipeline.recover();

    TrainingRun again = pipeline.get(retry.id());
    assertThat(again.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(again.error().code()).isEqualTo(RunError.INTERRUPTED_AGAIN);
    assertThat(again.error().message())
        .contains("already the retry of run " + first.id())
        .contains("not run again by itself")
        .contains("start the run again");
    assertThat(retriesOf(retry.id())).isEmpty();
    assertThat(view(retry.id()).get("errorCode").asString()).isEqualTo("interrupted-again");
  }

  @Test
  void aCommandLineRunIsInterruptedButNotRunAgain() throws Exception {
    TrainingRun run = running(killedOwner(), Trigger.CLI, leaseAhead());

    pipeline.recover();

    assertThat(pipeline.get(run.id()).status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(pipeline.get(run.id()).error().message()).contains("run the command again");
    assertThat(retriesOf(run.id())).isEmpty();
  }

  abstract class LiveServerTests {

    @Test
    void aRunOfAProcessThatStillHoldsItsLockIsLeftRunning() throws Exception {
      String owner = "this-host-4343-" + UUID.randomUUID().toString().substring(0, 8);
      Path owners = properties.home().toAbsolutePath().resolve("owners");
      Files.createDirectories(owners);
      try (FileChannel channel =
              FileChannel.open(
                  owners.resolve(owner + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock held = channel.lock()) {
        TrainingRun run = running(owner, Trigger.API, leaseAhead());

        pipeline.recover();

        assertThat(held.isValid()).isTrue();
        assertThat(pipeline.get(run.id()).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(retriesOf(run.id())).isEmpty();
        jdbc.sql("update training_run set status = 'failed' where id = ?").param(run.id()).update();
      }
    }

    @Test
    void aRunOfAnotherMachineWithinItsLeaseIsLeftRunning() {
      TrainingRun run =
          running("another-machine-8-" + UUID.randomUUID(), Trigger.API, leaseAhead());

      pipeline.recover();

      assertThat(pipeline.get(run.id()).status()).isEqualTo(RunStatus.RUNNING);
      assertThat(retriesOf(run.id())).isEmpty();
      jdbc.sql("update training_run set status = 'failed' where id = ?").param(run.id()).update();
    }
  }
}
