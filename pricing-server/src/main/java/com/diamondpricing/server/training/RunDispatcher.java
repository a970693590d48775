package com.diamondpricing.server.training;

import com.diamondpricing.server.system.DiamondsProperties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This server's taker of queued training runs: one thread that runs the oldest queued run (of any
 * server sharing the database) whenever one waits, woken when a run is queued here and looking
 * every second for runs queued elsewhere. Every half lease it also marks as interrupted the runs
 * whose server died. It stops last, after the web server and the request log: a run in progress is
 * interrupted and recorded so. The command line's context has none ({@code
 * diamonds.training.dispatch=false}).
 */
@Component
@ConditionalOnProperty(
    name = "diamonds.training.dispatch",
    havingValue = "true",
    matchIfMissing = true)
class RunDispatcher implements SmartLifecycle {

  /** Stops after the web server (MAX-1024, MAX-2048) and the request log's writer (MAX-4096). */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 8192;

  private static final Logger log = LoggerFactory.getLogger(RunDispatcher.class);
  private static final long LOOK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final TrainingPipeline pipeline;
  private final long recoverEveryNanos;
  private volatile Thread thread;
  private volatile boolean running;

  RunDispatcher(TrainingPipeline pipeline, DiamondsProperties properties) {
    this.pipeline = pipeline;
    this.recoverEveryNanos = properties.training().lease().toNanos() / 2;
    pipeline.onQueued(this::wake);
  }

  private void wake() {
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  private void run() {
    long lastRecovery = System.nanoTime() - recoverEveryNanos;
    while (running) {
      try {
        if (System.nanoTime() - lastRecovery >= recoverEveryNanos) {
          pipeline.recover();
          lastRecovery = System.nanoTime();
        }
        while (running && pipeline.runNextQueued()) {
          // one run after another while runs wait
        }
      } catch (RuntimeException e) {
        log.warn("Training runs: cannot look for queued runs: {}", e.toString());
      }
      if (Thread.interrupted() && !running) {
        return;
      }
      LockSupport.parkNanos(this, LOOK_EVERY_NANOS);
    }
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    Thread t = new Thread(this::run, "training");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public void stop() {
    Thread t;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      t = thread;
    }
    t.interrupt(); // a run in progress ends interrupted
    try {
      t.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
