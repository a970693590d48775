package com.diamondpricing.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The one way background work runs: a named daemon thread repeating turns; a pause that a wake or a
 * stop ends; a stop that lets the turn finish or interrupts it, and interrupts a turn that outlasts
 * the stop timeout; the phases in the documented order.
 */
class BackgroundWorkerTests {

  /** A worker that counts its turns and pauses {@code pause} between them. */
  static class Counting extends BackgroundWorker {
    final AtomicInteger turns = new AtomicInteger();
    final AtomicReference<Thread> thread = new AtomicReference<>();
    final AtomicBoolean finished = new AtomicBoolean();
    final AtomicBoolean stopped = new AtomicBoolean();
    final Duration pause;

    Counting(OnStop onStop, Duration stopTimeout, Duration pause) {
      super("test-counting", ShutdownOrder.INTAKE, onStop, stopTimeout);
      this.pause = pause;
    }

    @Override
    protected boolean turn() throws InterruptedException {
      thread.set(Thread.currentThread());
      turns.incrementAndGet();
      pause(pause);
      return !stopping();
    }

    @Override
    protected void finished() {
      finished.set(true);
    }

    @Override
    protected void stopped() {
      stopped.set(true);
    }
  }

  static void await(String what, java.util.function.BooleanSupplier condition) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - end).as("waiting for " + what).isNegative();
      Thread.sleep(5);
    }
  }

  @Test
  void aWorkerIsOneNamedDaemonThreadRepeatingItsTurnsUntilStopped() throws Exception {
    Counting worker =
        new Counting(BackgroundWorker.OnStop.FINISH, Duration.ofSeconds(5), Duration.ofMillis(5));
    assertThat(worker.isRunning()).isFalse();
    worker.start();
    worker.start(); // a second start changes nothing
    await("three turns", () -> worker.turns.get() >= 3);
    Thread t = worker.thread.get();
    assertThat(t.getName()).isEqualTo("diamonds-test-counting");
    assertThat(t.isDaemon()).isTrue();
    assertThat(worker.isRunning()).isTrue();

    worker.stop();
    assertThat(t.isAlive()).isFalse();
    assertThat(worker.isRunning()).isFalse();
    assertThat(worker.finished).as("finished() on its thread").isTrue();
    assertThat(worker.stopped).as("stopped() at the end of stop()").isTrue();
    assertThat(worker.getPhase()).isEqualTo(ShutdownOrder.INTAKE);
  }

  @Test
  void aWakeEndsThePauseAndAStopEndsItAtOnce() throws Exception {
    Counting worker =
        new Counting(BackgroundWorker.OnStop.FINISH, Duration.ofSeconds(5), Duration.ofHours(1));
    worker.start();
    await("the first turn", () -> worker.turns.get() == 1);
    worker.wake();
    await("a second turn, woken", () -> worker.turns.get() == 2);

    long start = System.nanoTime();
    worker.stop();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
    assertThat(worker.thread.get().isAlive()).isFalse();
  }

  @Test
  void aWorkerWithoutWorkStartsNoThread() {
    Counting none =
        new Counting(BackgroundWorker.OnStop.FINISH, Duration.ofSeconds(5), Duration.ZERO) {
          @Override
          protected boolean hasWork() {
            return false;
          }
        };
    none.start();
    assertThat(none.isRunning()).isFalse();
    assertThat(none.thread.get()).isNull();
    none.stop();
    assertThat(none.stopped).isFalse();
  }

  @Test
  void thePhasesStopInTheDocumentedOrder() {
    // Spring stops the highest phase first
    assertThat(
            List.of(
                ShutdownOrder.INTAKE,
                ShutdownOrder.WEB_SERVER_GRACEFUL_SHUTDOWN,
                ShutdownOrder.WEB_SERVER,
                ShutdownOrder.SERVING,
                ShutdownOrder.REQUEST_LOG,
                ShutdownOrder.TRAINING))
        .isSortedAccordingTo((a, b) -> Integer.compare(b, a))
        .doesNotHaveDuplicates();
  }

  /** What a stop does to a turn in progress. */
  @Nested
  class Stopping {

    /** A worker whose turn blocks until it is released (or interrupted). */
    class Busy extends BackgroundWorker {
      final CountDownLatch inTurn = new CountDownLatch(1);
      final CountDownLatch release = new CountDownLatch(1);
      final AtomicBoolean interrupted = new AtomicBoolean();
      final AtomicBoolean completed = new AtomicBoolean();

      Busy(OnStop onStop, Duration stopTimeout) {
        super("test-busy", ShutdownOrder.TRAINING, onStop, stopTimeout);
      }

      @Override
      protected boolean turn() {
        inTurn.countDown();
        try {
          release.await();
          completed.set(true);
        } catch (InterruptedException e) {
          interrupted.set(true);
        }
        return false;
      }
    }

    @Test
    void finishLetsTheTurnInProgressEnd() throws Exception {
      Busy worker = new Busy(BackgroundWorker.OnStop.FINISH, Duration.ofSeconds(10));
      worker.start();
      worker.inTurn.await();
      Thread stopper = new Thread(worker::stop);
      stopper.start();
      Thread.sleep(200);
      assertThat(stopper.isAlive()).as("the stop waits for the turn").isTrue();
      worker.release.countDown();
      stopper.join(5000);
      assertThat(stopper.isAlive()).isFalse();
      assertThat(worker.completed).isTrue();
      assertThat(worker.interrupted).isFalse();
    }

    @Test
    void aStartDuringAStopNeverMakesASecondLoop() throws Exception {
      Busy worker = new Busy(BackgroundWorker.OnStop.FINISH, Duration.ofSeconds(10));
      worker.start();
      worker.inTurn.await();
      Thread stopper = new Thread(worker::stop);
      stopper.start();
      await("the stop to have begun", () -> !worker.isRunning());
      worker.start(); // the ready event racing a shutdown: the first thread is still in its turn
      assertThat(worker.isRunning()).as("no second loop while the first runs").isFalse();
      worker.release.countDown();
      stopper.join(5000);
      assertThat(stopper.isAlive()).isFalse();
      worker.start(); // once it has ended, the worker may start again
      assertThat(worker.isRunning()).isTrue();
      worker.stop();
    }

    @Test
    void interruptAbandonsTheTurnInProgress() throws Exception {
      Busy worker = new Busy(BackgroundWorker.OnStop.INTERRUPT, Duration.ofSeconds(10));
      worker.start();
      worker.inTurn.await();
      long start = System.nanoTime();
      worker.stop();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
      assertThat(worker.interrupted).isTrue();
      assertThat(worker.completed).isFalse();
    }

    @Test
    void aTurnThatOutlastsTheStopTimeoutIsInterrupted() throws Exception {
      Busy worker = new Busy(BackgroundWorker.OnStop.FINISH, Duration.ofMillis(300));
      worker.start();
      worker.inTurn.await();
      long start = System.nanoTime();
      worker.stop();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(millis).isBetween(250L, 3000L);
      assertThat(worker.interrupted).isTrue();
    }

    @Test
    void anUnexpectedErrorDoesNotEndTheWorker() throws Exception {
      AtomicInteger turns = new AtomicInteger();
      BackgroundWorker failing =
          new BackgroundWorker(
              "test-failing",
              ShutdownOrder.INTAKE,
              BackgroundWorker.OnStop.INTERRUPT,
              Duration.ofSeconds(5)) {
            @Override
            protected boolean turn() {
              if (turns.incrementAndGet() == 1) {
                throw new IllegalStateException("the first turn fails (on purpose)");
              }
              return false;
            }
          };
      failing.start();
      await("a turn after the failure", () -> turns.get() == 2);
      failing.stop();
    }
  }
}
