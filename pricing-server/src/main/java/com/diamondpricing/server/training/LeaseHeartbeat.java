package com.diamondpricing.server.training;

import com.diamondpricing.server.system.BackgroundWorker;
import com.diamondpricing.server.system.ShutdownOrder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the lease of a run this server trains, every third of the lease (at least every second),
 * while the run trains: started and stopped by the pipeline around the run, so a process that
 * trains nothing has no such thread. When the lease is lost (another server found it expired and
 * marked the run interrupted), it says so and interrupts the thread that trains.
 */
final class LeaseHeartbeat extends BackgroundWorker {

  private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

  private final TrainingRunStore runs;
  private final long runId;
  private final String owner;
  private final Duration lease;
  private final Duration every;
  private final Thread trainer;
  private final AtomicBoolean lost;

  /**
   * @param trainer the thread that trains the run, interrupted when the lease is lost
   * @param lost set when the lease is lost
   */
  LeaseHeartbeat(
      TrainingRunStore runs,
      long runId,
      String owner,
      Duration lease,
      Thread trainer,
      AtomicBoolean lost) {
    super("lease-heartbeat-" + runId, ShutdownOrder.TRAINING, OnStop.FINISH, Duration.ofSeconds(5));
    this.runs = runs;
    this.runId = runId;
    this.owner = owner;
    this.lease = lease;
    this.every = Duration.ofMillis(Math.max(1000, lease.toMillis() / 3));
    this.trainer = trainer;
    this.lost = lost;
  }

  @Override
  protected boolean turn() throws InterruptedException {
    pause(every);
    if (stopping()) {
      return false;
    }
    try {
      if (!runs.heartbeat(runId, owner, runs.now().plus(lease))
          && lost.compareAndSet(false, true)) {
        log.warn("Training run {}: this server's lease was lost; stopping the run", runId);
        trainer.interrupt();
      }
    } catch (RuntimeException e) {
      log.warn("Training run {}: cannot renew the lease: {}", runId, e.toString());
    }
    return !lost.get();
  }
}
