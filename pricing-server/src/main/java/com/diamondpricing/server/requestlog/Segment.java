package com.diamondpricing.server.requestlog;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One journal file. Each record's line gets its byte range reserved under the {@link Journal}'s
 * lock (in the order the records are queued) and is then copied into the file's memory mapping,
 * outside the lock: no system call per record, and what is copied is in the operating system's page
 * cache at once, so it survives the process (not a power cut). A segment takes lines while it is
 * open, then is closed for good; once the last copy into it is done, the mapping is released and
 * the file cut to the bytes written. Progress is counted in bytes: {@link #committed} is the end of
 * the last line the database holds, in reservation order.
 */
final class Segment {

  private static final Logger log = LoggerFactory.getLogger(Segment.class);
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(256 * 1024).asReadOnlyBuffer();

  final String name;
  final Path path;

  /** Whether an earlier process wrote it (its progress is then read from the database). */
  final boolean inherited;

  final long openedNanos;

  private final FileChannel channel;
  private final MappedByteBuffer map;
  private final AtomicInteger writing = new AtomicInteger();
  private volatile long reserved;
  private volatile boolean closed;
  private boolean released;

  /** The offset of the first line not handed to the queue (it waits in the file), or -1. */
  private volatile long spilledFrom = -1;

  /** Bytes whose lines are in the database (or given up); the writer thread's; -1: not known. */
  volatile long committed;

  private Segment(
      String name,
      Path path,
      FileChannel channel,
      MappedByteBuffer map,
      boolean inherited,
      long size) {
    this.name = name;
    this.path = path;
    this.channel = channel;
    this.map = map;
    this.inherited = inherited;
    this.reserved = size;
    this.closed = channel == null;
    this.committed = inherited ? -1 : 0;
    this.openedNanos = System.nanoTime();
  }

  /**
   * A new segment on a file opened for reading and writing, mapped for {@code capacity} bytes once
   * the file system has given it those bytes ({@link #reserveSpace}).
   */
  static Segment open(String name, Path path, FileChannel channel, int capacity)
      throws IOException {
    reserveSpace(channel, capacity);
    return new Segment(
        name, path, channel, channel.map(FileChannel.MapMode.READ_WRITE, 0, capacity), false, 0);
  }

  /**
   * Writes zeros over the whole file before it is mapped, so that the file system allocates its
   * blocks now: a full disk fails this write, as an {@link IOException} the journal handles, and
   * never a later copy into the mapping (a page the disk cannot back is a {@code SIGBUS}, which the
   * JVM raises as an {@link InternalError} in whatever code touches memory next). Zeros are what
   * the reader skips, so a file cut short by a crash reads the same. Once per segment: 16 MB of
   * zeros in 256 KB writes took 8 ms (median of 10) on the development machine's ext4.
   */
  static void reserveSpace(FileChannel channel, int capacity) throws IOException {
    ByteBuffer zeros = ZEROS.duplicate();
    long at = 0;
    while (at < capacity) {
      zeros.clear().limit((int) Math.min(zeros.capacity(), capacity - at));
      while (zeros.hasRemaining()) {
        at += channel.write(zeros, at);
      }
    }
  }

  static Segment inherited(String name, Path path, long size) {
    return new Segment(name, path, null, null, true, size);
  }

  /** Whether a line of this length still fits. */
  boolean fits(int length) {
    return reserved + length <= map.capacity();
  }

  /** Reserves room for a line; its offset. Under the journal's lock, on an open segment. */
  long reserve(int length) {
    writing.incrementAndGet();
    long at = reserved;
    reserved = at + length;
    return at;
  }

  /** Copies a reserved line into the file (no lock: the ranges do not overlap). */
  void write(byte[] line, long at) throws IOException {
    try {
      map.put((int) at, line, 0, line.length);
    } catch (InternalError | RuntimeException e) {
      // InternalError: a mapped page that cannot be backed (disk full), the JVM's SIGBUS
      throw new IOException("cannot write the mapped journal file: " + e, e);
    }
  }

  /** A reserved line's copy is over (done or failed); the last one releases a closed file. */
  void written() {
    if (writing.decrementAndGet() == 0 && closed) {
      release();
    }
  }

  /** Takes no more lines. Under the journal's lock. */
  void close() {
    closed = true;
    if (writing.get() == 0) {
      release();
    }
  }

  /** Unmaps the file and cuts it to the bytes written (once). */
  private void release() {
    synchronized (this) {
      if (released || channel == null) {
        return;
      }
      released = true;
    }
    unmap(map);
    try {
      channel.truncate(reserved);
    } catch (IOException e) {
      // the tail stays zeros, which the reader skips
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more is written to it
    }
  }

  /**
   * Releases a mapping now rather than at some later garbage collection (a mapping keeps its pages
   * and the deleted file's space). {@code sun.misc.Unsafe.invokeCleaner} is the JDK's one way;
   * without it the mapping goes with the buffer.
   */
  private static void unmap(MappedByteBuffer buffer) {
    try {
      Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
      java.lang.reflect.Field field = unsafeClass.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      Method invokeCleaner = unsafeClass.getMethod("invokeCleaner", java.nio.ByteBuffer.class);
      invokeCleaner.invoke(field.get(null), buffer);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("Request log: cannot release a journal mapping now: {}", e.toString());
    }
  }

  /** Notes that lines from {@code offset} on were not queued: they are replayed from the file. */
  void spill(long offset) {
    if (spilledFrom < 0) {
      spilledFrom = offset;
    }
  }

  boolean spilled() {
    return spilledFrom >= 0;
  }

  /** The end of the last line handed to the queue (the writer commits up to it from memory). */
  long queuedThrough() {
    return spilledFrom < 0 ? reserved : spilledFrom;
  }

  /** The file's size once every reserved line is written. */
  long size() {
    return reserved;
  }

  boolean closed() {
    return closed;
  }

  /** Whether a copy into it is still going on. */
  boolean writing() {
    return writing.get() > 0;
  }

  /** Whether the writer should read the rest from the file: closed, written, queued part in. */
  boolean awaitsReplay() {
    return closed && !writing() && (inherited || committed >= queuedThrough()) && !complete();
  }

  /** Whether every line is in the database: the file can go. (Inherited: only once read.) */
  boolean complete() {
    return closed && !inherited && !writing() && committed >= reserved;
  }

  @Override
  public String toString() {
    return name;
  }
}
