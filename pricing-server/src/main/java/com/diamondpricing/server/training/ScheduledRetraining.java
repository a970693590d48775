package com.diamondpricing.server.training;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.Snapshot;
import com.diamondpricing.server.system.BackgroundWorker;
import com.diamondpricing.server.system.DiamondsProperties;
import com.diamondpricing.server.system.ShutdownOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Retrains every model type on the current data at the times of {@code diamonds.schedule}, a Spring
 * cron expression of six fields (second minute hour day-of-month month day-of-week, in the server's
 * time zone; for example {@code 0 0 3 * * *} for 03:00 every day). Blank or unset: no schedule. A
 * time is skipped, with a log line, when there is no data yet or a run for the current snapshot is
 * already queued or running. An invalid expression fails the start.
 */
@Component
class ScheduledRetraining extends BackgroundWorker {

  static final String PROPERTY = "diamonds.schedule";

  private static final Logger log = LoggerFactory.getLogger(ScheduledRetraining.class);

  private final DatasetStore datasets;
  private final TrainingPipeline pipeline;
  private final JdbcClient jdbc;
  private final String expression;
  private final CronExpression cron;
  private final Clock clock;

  /** The next time to retrain; the worker's. */
  private ZonedDateTime next;

  ScheduledRetraining(
      DiamondsProperties properties,
      DatasetStore datasets,
      TrainingPipeline pipeline,
      JdbcClient jdbc,
      Clock clock) {
    super("schedule", ShutdownOrder.INTAKE, OnStop.FINISH, Duration.ofSeconds(5));
    this.datasets = datasets;
    this.pipeline = pipeline;
    this.jdbc = jdbc;
    this.clock = clock;
    String schedule = properties.schedule();
    this.expression = schedule == null || schedule.isBlank() ? null : schedule.strip();
    this.cron = expression == null ? null : parse(expression);
  }

  /** The parsed expression, or an exception whose message names the property. */
  static CronExpression parse(String expression) {
    try {
      return CronExpression.parse(expression);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          PROPERTY
              + ": '"
              + expression
              + "' is not a valid cron expression ("
              + e.getMessage()
              + "); six fields are expected: second minute hour day-of-month month day-of-week,"
              + " for example '0 0 3 * * *' for 03:00 every day",
          e);
    }
  }

  /** Starts the schedule once the application is ready (after the bootstrap, if any). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void startWhenReady() {
    if (cron == null) {
      return;
    }
    log.info(
        "Scheduled retraining on '{}' ({}); next at {}",
        expression,
        PROPERTY,
        cron.next(now()).toLocalDateTime());
    start();
  }

  /** Not with the context: once the application is ready. */
  @Override
  public boolean isAutoStartup() {
    return false;
  }

  /** No schedule, no thread. */
  @Override
  protected boolean hasWork() {
    return cron != null;
  }

  /**
   * Waits for the next time of the expression (in the server's time zone), then retrains. The wait
   * is checked against the wall clock, so a time is never taken early, nor twice.
   */
  @Override
  protected boolean turn() throws InterruptedException {
    ZonedDateTime now = now();
    if (next == null) {
      next = cron.next(now);
    }
    if (next == null) {
      return false; // the expression has no time left
    }
    if (now.isBefore(next)) {
      pause(Duration.between(now, next));
      return !stopping();
    }
    retrain();
    next = cron.next(now());
    return !stopping();
  }

  /** The clock's time in the server's time zone, the expression's. */
  private ZonedDateTime now() {
    return ZonedDateTime.ofInstant(clock.instant(), ZoneId.systemDefault());
  }

  /** One scheduled time: queues a run of every model type on the current data, or says why not. */
  void retrain() {
    try {
      Optional<Snapshot> current = datasets.current();
      if (current.isEmpty()) {
        log.info("Scheduled retraining skipped: there is no data yet");
        return;
      }
      long snapshotId = current.get().id();
      Optional<Long> busy =
          jdbc.sql(
                  "select id from training_run where snapshot_id = ? and status in (?, ?)"
                      + " order by id limit 1")
              .params(snapshotId, RunStatus.QUEUED.value(), RunStatus.RUNNING.value())
              .query(Long.class)
              .optional();
      if (busy.isPresent()) {
        log.info(
            "Scheduled retraining skipped: run {} is already queued or running on snapshot {}",
            busy.get(),
            snapshotId);
        return;
      }
      TrainingRun run =
          pipeline.submit(
              new TrainingPipeline.RunRequest(snapshotId, null, null), Trigger.SCHEDULE);
      log.info(
          "Scheduled retraining: run {} queued for {} on snapshot {}",
          run.id(),
          run.modelTypes(),
          snapshotId);
    } catch (RuntimeException e) {
      log.error("Scheduled retraining failed to queue a run", e);
    }
  }
}
