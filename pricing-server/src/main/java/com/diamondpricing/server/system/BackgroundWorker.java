package com.diamondpricing.server.system;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Background work, the one way the server runs it: a worker owns one daemon thread, named {@value
 * #THREAD_PREFIX}{@code <name>}, that calls {@link #turn} again and again until it returns false. A
 * periodic job is a turn that does its work and then {@link #pause pauses}.
 *
 * <p>A worker bean is started and stopped by the application context in its phase, one of the
 * {@link ShutdownOrder} constants. One that must wait for the application to be ready (the inbox,
 * the schedule) answers false to {@link #isAutoStartup} and is started by its {@code
 * ApplicationReadyEvent} listener; the context stops it all the same. A worker that is not a bean
 * (a training run's lease heartbeat) is started and stopped by its owner.
 *
 * <p>{@link #stop}: {@link #stopping} becomes true and a {@link #pause} ends at once; with {@link
 * OnStop#INTERRUPT} the thread is also interrupted (the work in progress is abandoned), with {@link
 * OnStop#FINISH} the turn in progress goes on. Then the stop waits for the thread to end, up to the
 * worker's stop timeout, after which the thread is interrupted and waited for a few seconds more.
 */
public abstract class BackgroundWorker implements SmartLifecycle {

  /** How every background thread's name starts. */
  public static final String THREAD_PREFIX = "diamonds-";

  /** What a stop does to the turn in progress. */
  public enum OnStop {
    /** It finishes (within the stop timeout). */
    FINISH,
    /** The thread is interrupted at once. */
    INTERRUPT
  }

  private static final Logger log = LoggerFactory.getLogger(BackgroundWorker.class);
  private static final long AFTER_INTERRUPT_MILLIS = 5000;
  private static final long ERROR_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final String name;
  private final int phase;
  private final OnStop onStop;
  private final Duration stopTimeout;
  private final AtomicBoolean woken = new AtomicBoolean();
  private volatile boolean stopping;
  private volatile Thread thread;

  /** The last thread started (guarded by this): a new one starts only once it has ended. */
  private Thread last;

  /**
   * @param name the thread's name, after {@value #THREAD_PREFIX}
   * @param phase when the context starts and stops it: one of {@link ShutdownOrder}
   * @param onStop what a stop does to the turn in progress
   * @param stopTimeout how long a stop waits for the thread before it interrupts it
   */
  protected BackgroundWorker(String name, int phase, OnStop onStop, Duration stopTimeout) {
    if (stopTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("a stop timeout of at least 1 ms, not " + stopTimeout);
    }
    this.name = name;
    this.phase = phase;
    this.onStop = onStop;
    this.stopTimeout = stopTimeout;
  }

  /**
   * One turn of the work, on the worker's thread; false when the worker is done (its thread ends).
   * A turn returns false once {@link #stopping} is true and what must be finished is finished. An
   * exception other than an interruption is logged and the next turn follows a second later.
   */
  protected abstract boolean turn() throws InterruptedException;

  /** Whether there is anything to run: when not, {@link #start} starts no thread. */
  protected boolean hasWork() {
    return true;
  }

  /** At the start of {@link #stop}, before the thread is told to stop. */
  protected void stopRequested() {}

  /** On the worker's thread, once its last turn is over. */
  protected void finished() {}

  /** At the end of {@link #stop}, once the thread has ended (or been given up on). */
  protected void stopped() {}

  /** Whether a stop was asked for. */
  protected final boolean stopping() {
    return stopping;
  }

  /**
   * Waits this long, or less when the worker is {@link #wake woken} (since the last pause) or
   * stopped.
   */
  protected final void pause(Duration duration) throws InterruptedException {
    pauseNanos(duration.toNanos());
  }

  /** {@link #pause} in nanoseconds. */
  protected final void pauseNanos(long nanos) throws InterruptedException {
    long end = System.nanoTime() + nanos;
    while (!stopping && !woken.getAndSet(false)) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      LockSupport.parkNanos(this, left);
      if (Thread.interrupted()) {
        throw new InterruptedException(THREAD_PREFIX + name + " interrupted");
      }
    }
  }

  /** Ends the current pause, or the next one if the worker is busy. */
  public final void wake() {
    woken.set(true);
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  @Override
  public final synchronized void start() {
    if (thread != null || !hasWork()) {
      return;
    }
    if (last != null && last.isAlive()) {
      // a stop gave up on it (or is still waiting for it): one loop at a time, never two
      log.warn("{} is not started again: its previous thread has not ended", last.getName());
      return;
    }
    stopping = false;
    woken.set(false);
    Thread t = new Thread(this::loop, THREAD_PREFIX + name);
    t.setDaemon(true);
    thread = t;
    last = t;
    t.start();
  }

  @Override
  public final void stop() {
    Thread t;
    synchronized (this) {
      t = thread;
      if (t == null) {
        return;
      }
      stopRequested();
      stopping = true; // before a concurrent start could see no thread
      thread = null;
    }
    LockSupport.unpark(t);
    if (onStop == OnStop.INTERRUPT) {
      t.interrupt();
    }
    try {
      t.join(stopTimeout.toMillis());
      if (t.isAlive()) {
        log.error("{} is still busy after {}; interrupting it", t.getName(), stopTimeout);
        t.interrupt();
        t.join(AFTER_INTERRUPT_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopped();
  }

  @Override
  public final boolean isRunning() {
    return thread != null;
  }

  @Override
  public final int getPhase() {
    return phase;
  }

  private void loop() {
    try {
      while (true) {
        try {
          if (!turn()) {
            return;
          }
        } catch (InterruptedException e) {
          if (stopping) {
            return;
          }
          // an interruption meant for the work in progress, which has ended: go on
        } catch (RuntimeException | Error e) {
          log.error("{}: unexpected error; going on", THREAD_PREFIX + name, e);
          LockSupport.parkNanos(this, ERROR_PAUSE_NANOS);
        }
      }
    } finally {
      finished();
    }
  }
}
