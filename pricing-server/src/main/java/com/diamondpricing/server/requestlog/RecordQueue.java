package com.diamondpricing.server.requestlog;

import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded queue between the request threads and the one writer thread. Request threads never
 * take a lock here: a record is added with a compare-and-set, and the writer is woken only when it
 * is waiting for work. (An {@code ArrayBlockingQueue} made every request thread and the writer take
 * one lock; with 32 busy request threads on two cores that lock was among the most contended in the
 * service.)
 */
final class RecordQueue {

  static final long CHECK_EVERY_MILLIS = 2;
  private static final long CHECK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(CHECK_EVERY_MILLIS);

  private final ConcurrentLinkedQueue<Journaled> records = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicBoolean consumerWaiting = new AtomicBoolean();
  private final int capacity;
  private final long maxBytes;
  private volatile Thread consumer;

  RecordQueue(int capacity) {
    this(capacity, Long.MAX_VALUE);
  }

  /**
   * @param capacity records at most
   * @param maxBytes the most memory the queued records may take (by {@link RequestRecord#weight})
   */
  RecordQueue(int capacity, long maxBytes) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
    this.maxBytes = maxBytes;
  }

  /** Adds the record unless the queue is full (in records or bytes); never blocks. */
  boolean offer(Journaled record) {
    long weight = record.record().weight();
    if (bytes.addAndGet(weight) > maxBytes) {
      bytes.addAndGet(-weight);
      return false;
    }
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      bytes.addAndGet(-weight);
      return false;
    }
    records.offer(record);
    if (consumerWaiting.get() && consumerWaiting.compareAndSet(true, false)) {
      LockSupport.unpark(consumer);
    }
    return true;
  }

  /** The oldest record, or null. */
  Journaled poll() {
    Journaled r = records.poll();
    if (r != null) {
      size.decrementAndGet();
      bytes.addAndGet(-r.record().weight());
    }
    return r;
  }

  /**
   * The oldest record, waiting up to {@code timeout} for one; null when none came. Only the one
   * consumer thread calls this.
   */
  Journaled poll(long timeout, TimeUnit unit) throws InterruptedException {
    Journaled r = poll();
    if (r != null) {
      return r;
    }
    consumer = Thread.currentThread();
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (true) {
      consumerWaiting.set(true);
      r = poll(); // a record offered before the flag was up did not wake us
      if (r != null) {
        consumerWaiting.set(false);
        return r;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        consumerWaiting.set(false);
        return null;
      }
      LockSupport.parkNanos(this, left);
      if (Thread.interrupted()) {
        consumerWaiting.set(false);
        throw new InterruptedException("interrupted while waiting for records");
      }
      r = poll();
      if (r != null) {
        consumerWaiting.set(false);
        return r;
      }
    }
  }

  /**
   * Waits until at least {@code n} records are queued or the deadline ({@link System#nanoTime()})
   * passes, checking every {@value #CHECK_EVERY_MILLIS} ms. Unlike {@link #poll(long, TimeUnit)} it
   * does not ask to be woken by each record: a writer gathering a batch under load would otherwise
   * be woken thousands of times a second, each wake-up a system call on a request thread.
   */
  void awaitAtLeast(int n, long deadline) throws InterruptedException {
    while (size.get() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      LockSupport.parkNanos(this, Math.min(left, CHECK_EVERY_NANOS));
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for records");
      }
    }
  }

  /** Moves up to {@code max} records, oldest first, into {@code into}; how many it moved. */
  int drainTo(Collection<? super Journaled> into, int max) {
    int n = 0;
    Journaled r;
    while (n < max && (r = poll()) != null) {
      into.add(r);
      n++;
    }
    return n;
  }

  /** Moves every record into {@code into}, oldest first; how many it moved. */
  int drainTo(Collection<? super Journaled> into) {
    return drainTo(into, Integer.MAX_VALUE);
  }

  int size() {
    return size.get();
  }

  int capacity() {
    return capacity;
  }

  /** Whether at most half of it is taken, in records and in bytes. */
  boolean halfEmpty() {
    return size.get() <= capacity / 2 && bytes.get() <= maxBytes / 2;
  }

  boolean isEmpty() {
    return size.get() == 0;
  }
}
