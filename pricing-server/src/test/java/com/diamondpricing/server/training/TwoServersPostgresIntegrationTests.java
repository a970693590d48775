package com.diamondpricing.server.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.DiamondsApplication;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.registry.AliasChange;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.support.Databases;
import com.diamondpricing.server.system.SqlTimes;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two servers (two application contexts, each with its own state folder, run dispatcher and
 * identity) on one PostgreSQL database: runs queued from both are each executed exactly once, by
 * one server or the other, with distinct version numbers; concurrent promotions leave a history
 * whose every {@code from} is the previous {@code to}; a server interrupts only runs whose lease
 * has expired.
 */
class TwoServersPostgresIntegrationTests {

  static ConfigurableApplicationContext a;
  static ConfigurableApplicationContext b;
  static long snapshot;

  @BeforeAll
  static void twoServers() throws Exception {
    Databases.requirePostgres();
    String url = Databases.freshPostgres();
    a = server(url);
    b = server(url);
    snapshot =
        a.getBean(DatasetStore.class)
            .ingest(
                new ByteArrayInputStream(Files.readAllBytes(Path.of("../data/diamonds.csv"))),
                "diamonds.csv",
                IngestMode.REPLACE)
            .snapshot()
            .id();
  }

  static ConfigurableApplicationContext server(String url) {
    return new SpringApplicationBuilder(DiamondsApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--diamonds.home=" + Databases.freshHome(),
            "--diamonds.db.url=" + url,
            "--diamonds.db.user=" + Databases.postgresUser(),
            "--diamonds.db.password=" + Databases.postgresPassword(),
            "--diamonds.bootstrap=false",
            "--diamonds.inbox.enabled=false",
            "--diamonds.training.max-queued=100",
            "--diamonds.training.lease=6s",
            "--spring.main.banner-mode=off");
  }

  @AfterAll
  static void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  @Test
  void runsQueuedFromBothServersAreEachExecutedExactlyOnce() throws Exception {
    TrainingPipeline pa = a.getBean(TrainingPipeline.class);
    TrainingPipeline pb = b.getBean(TrainingPipeline.class);
    ExecutorService queuers = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Long>>> queued = new ArrayList<>();
    for (TrainingPipeline p : List.of(pa, pb)) {
      int first = p == pa ? 1 : 11;
      queued.add(
          queuers.submit(
              () -> {
                go.await();
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                  // trials 1 to 20: twenty trainings (the same settings again would train
                  // nothing)
                  ids.add(
                      p.submit(
                              new TrainingPipeline.RunRequest(
                                  snapshot, List.of("linear"), first + i),
                              Trigger.API)
                          .id());
                }
                return ids;
              }));
    }
    go.countDown();
    Set<Long> runIds = new HashSet<>();
    for (Future<List<Long>> f : queued) {
      runIds.addAll(f.get());
    }
    queuers.shutdown();
    assertThat(runIds).hasSize(20);

    long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < until
        && runIds.stream().anyMatch(id -> pa.get(id).finishedAt() == null)) {
      Thread.sleep(100);
    }
    List<TrainingRun> runs = runIds.stream().map(pa::get).toList();
    assertThat(runs).extracting(TrainingRun::status).containsOnly(RunStatus.SUCCEEDED);
    assertThat(runs).allSatisfy(r -> assertThat(r.outcomes()).hasSize(1));
    Set<String> owners = runs.stream().map(TrainingRun::owner).collect(Collectors.toSet());
    System.out.printf(
        "Two servers: 20 runs executed by %s%n",
        runs.stream()
            .collect(Collectors.groupingBy(TrainingRun::owner, Collectors.counting()))
            .values());
    assertThat(owners).hasSizeBetween(1, 2);

    List<ModelEntry> models =
        a.getBean(ModelRegistry.class).list().stream()
            .filter(m -> m.runId() != null && runIds.contains(m.runId()))
            .toList();
    assertThat(models).as("one model per run").hasSize(20);
    assertThat(models.stream().map(ModelEntry::runId).collect(Collectors.toSet())).hasSize(20);
    assertThat(models.stream().map(ModelEntry::version).collect(Collectors.toSet()))
        .as("distinct versions")
        .hasSize(20);
  }

  @Test
  void concurrentPromotionsLeaveAConsistentHistoryChain() throws Exception {
    ModelRegistry ra = a.getBean(ModelRegistry.class);
    ModelRegistry rb = b.getBean(ModelRegistry.class);
    List<Long> ids = new ArrayList<>();
    TrainingPipeline pa = a.getBean(TrainingPipeline.class);
    while (ids.size() < 4) {
      TrainingRun run =
          pa.runNow(
              new TrainingPipeline.RunRequest(snapshot, List.of("linear"), 100 + ids.size()),
              Trigger.CLI,
              com.diamondpricing.model.TrainingListener.NONE);
      ids.add(run.outcomes().get(0).modelId());
    }
    long before = ra.history(ModelRegistry.CHAMPION).size();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 50; i++) {
      ModelRegistry r = i % 2 == 0 ? ra : rb;
      long target = ids.get(random.nextInt(ids.size()));
      int n = i;
      done.add(
          threads.submit(
              () -> {
                go.await();
                return r.moveAlias(ModelRegistry.CHAMPION, target, "promotion " + n);
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    threads.shutdown();
    List<AliasChange> history = ra.history(ModelRegistry.CHAMPION);
    assertThat(history.size() - before).as("moves recorded").isPositive();
    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i).fromModelId())
          .as("move %d starts where move %d ended", history.get(i).id(), history.get(i - 1).id())
          .isEqualTo(history.get(i - 1).toModelId());
    }
    assertThat(ra.aliasTarget(ModelRegistry.CHAMPION).orElseThrow())
        .isEqualTo(history.get(history.size() - 1).toModelId());
  }

  @Test
  void aServerInterruptsOnlyRunsWhoseLeaseExpired() {
    JdbcClient jdbc = a.getBean(JdbcClient.class);
    long dead =
        running(jdbc, "a-server-that-died", SqlTimes.now(Clock.systemUTC()).minusSeconds(30));
    long alive =
        running(jdbc, "a-server-at-work", SqlTimes.now(Clock.systemUTC()).plusSeconds(600));
    a.getBean(TrainingPipeline.class).recover();
    TrainingPipeline pb = b.getBean(TrainingPipeline.class);
    assertThat(pb.get(dead).status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(pb.get(dead).error().code()).isEqualTo(RunError.INTERRUPTED);
    assertThat(pb.get(alive).status()).isEqualTo(RunStatus.RUNNING);
    assertThat(pb.list(1000))
        .as("the dead server's run is queued again once, as a new run")
        .filteredOn(r -> r.retryOf() != null && r.retryOf() == dead)
        .hasSize(1);
    assertThat(pb.list(1000))
        .filteredOn(r -> r.retryOf() != null && r.retryOf() == alive)
        .isEmpty();
    jdbc.sql("update training_run set status = 'failed' where id = ?").param(alive).update();
  }

  private static long running(JdbcClient jdbc, String owner, Instant leaseUntil) {
    org.springframework.jdbc.support.KeyHolder key =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "insert into training_run (snapshot_id, model_types, trigger_kind, status, options,"
                + " created_at, started_at, model_count, owner, lease_until)"
                + " values (?, 'linear', 'api', 'running', ?, ?, ?, 1, ?, ?)")
        .params(
            snapshot,
            // trials no other test asks for: the retry trains a model of its own
            "{\"seed\": 42, \"trials\": 77, \"workers\": 0}",
            SqlTimes.sql(SqlTimes.now(Clock.systemUTC())),
            SqlTimes.sql(SqlTimes.now(Clock.systemUTC())),
            owner,
            SqlTimes.sql(leaseUntil))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }
}
