package com.diamondpricing.server.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordQueueTests {

  private static Journaled record(String id) {
    return new Journaled(
        RequestLogTesting.record(id, Instant.parse("2026-11-29T12:00:00Z")), null, 0);
  }

  @Test
  void recordsComeOutOldestFirstAndTheBoundHolds() {
    RecordQueue queue = new RecordQueue(3);
    assertThat(queue.offer(record("a"))).isTrue();
    assertThat(queue.offer(record("b"))).isTrue();
    assertThat(queue.offer(record("c"))).isTrue();
    assertThat(queue.offer(record("d"))).isFalse();
    assertThat(queue.size()).isEqualTo(3);
    assertThat(queue.poll().record().requestId()).isEqualTo("a");
    assertThat(queue.offer(record("e"))).isTrue();
    List<Journaled> out = new ArrayList<>();
    assertThat(queue.drainTo(out, 2)).isEqualTo(2);
    assertThat(queue.drainTo(out)).isEqualTo(1);
    assertThat(out).extracting(j -> j.record().requestId()).containsExactly("b", "c", "e");
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.poll()).isNull();
  }

  @Test
  void aWaitingPollEndsEmptyAtItsTimeout() throws Exception {
    RecordQueue queue = new RecordQueue(10);
    long start = System.nanoTime();
    assertThat(queue.poll(50, TimeUnit.MILLISECONDS)).isNull();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
  }

  @Test
  void aWaitingPollIsWokenByAnOffer() throws Exception {
    RecordQueue queue = new RecordQueue(10);
    CompletableFuture<Journaled> taken =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return queue.poll(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    queue.offer(record("late"));
    assertThat(taken.get(10, TimeUnit.SECONDS).record().requestId()).isEqualTo("late");
  }

  @Test
  void awaitingAtLeastSomeRecordsEndsWhenTheyAreThereOrAtTheDeadline() throws Exception {
    RecordQueue queue = new RecordQueue(10);
    long start = System.nanoTime();
    queue.awaitAtLeast(1, start + TimeUnit.MILLISECONDS.toNanos(30));
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
    CompletableFuture<Void> filler =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 3; i++) {
                queue.offer(record("r" + i));
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    queue.awaitAtLeast(3, deadline);
    assertThat(queue.size()).isEqualTo(3);
    assertThat(deadline - System.nanoTime()).isGreaterThan(TimeUnit.SECONDS.toNanos(50));
    filler.get(10, TimeUnit.SECONDS);
  }

  @Test
  void anInterruptEndsAWaitingPoll() {
    RecordQueue queue = new RecordQueue(10);
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> queue.poll(60, TimeUnit.SECONDS))
        .isInstanceOf(InterruptedException.class);
  }

  @Test
  void manyProducersOneConsumerLoseNothingAndKeepEachProducersOrder() throws Exception {
    int producers = 8;
    int each = 20_000;
    RecordQueue queue = new RecordQueue(1_000);
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    try {
      List<Future<Integer>> refused = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        int producer = p;
        refused.add(
            pool.submit(
                () -> {
                  int full = 0;
                  for (int i = 0; i < each; i++) {
                    while (!queue.offer(record(producer + ":" + i))) {
                      full++;
                      Thread.onSpinWait();
                    }
                  }
                  return full;
                }));
      }
      Map<String, Integer> next = new HashMap<>();
      int received = 0;
      while (received < producers * each) {
        Journaled r = queue.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("a record after %d", received).isNotNull();
        String[] parts = r.record().requestId().split(":");
        int expected = next.getOrDefault(parts[0], 0);
        assertThat(Integer.parseInt(parts[1])).isEqualTo(expected);
        next.put(parts[0], expected + 1);
        received++;
      }
      for (Future<Integer> f : refused) {
        f.get(10, TimeUnit.SECONDS);
      }
      assertThat(queue.isEmpty()).isTrue();
      assertThat(next).hasSize(producers).allSatisfy((k, v) -> assertThat(v).isEqualTo(each));
    } finally {
      pool.shutdownNow();
    }
  }
}
