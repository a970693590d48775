package com.diamondpricing.server.requestlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One journal file. Each record's line gets its byte range reserved under the {@link Journal}'s
 * lock (in the order the records are queued) and is then written into it with a positional write,
 * outside the lock, so request threads never wait for one another's system calls. A segment takes
 * lines while it is open, then is closed for good; its file is closed once the last write into it
 * has finished. Progress is counted in bytes: {@link #committed} is the end of the last line the
 * database holds, in reservation order.
 */
final class Segment {

  final String name;
  final Path path;

  /** Whether an earlier process wrote it (its progress is then read from the database). */
  final boolean inherited;

  final long openedNanos;

  private final FileChannel channel;
  private final AtomicInteger writing = new AtomicInteger();
  private volatile long reserved;
  private volatile boolean closed;

  /** The offset of the first line not handed to the queue (it waits in the file), or -1. */
  private volatile long spilledFrom = -1;

  /** Bytes whose lines are in the database (or given up); the writer thread's; -1: not known. */
  volatile long committed;

  private Segment(String name, Path path, FileChannel channel, boolean inherited, long size) {
    this.name = name;
    this.path = path;
    this.channel = channel;
    this.inherited = inherited;
    this.reserved = size;
    this.closed = channel == null;
    this.committed = inherited ? -1 : 0;
    this.openedNanos = System.nanoTime();
  }

  static Segment open(String name, Path path, FileChannel channel) {
    return new Segment(name, path, channel, false, 0);
  }

  static Segment inherited(String name, Path path, long size) {
    return new Segment(name, path, null, true, size);
  }

  /** Reserves room for a line; its offset. Under the journal's lock, on an open segment. */
  long reserve(int length) {
    writing.incrementAndGet();
    long at = reserved;
    reserved = at + length;
    return at;
  }

  /** Writes a reserved line (no lock: the ranges do not overlap). */
  void write(byte[] line, long at) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(line);
    long position = at;
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
  }

  /** A reserved line's write is over (done or failed); the last one closes a closed file. */
  void written() {
    if (writing.decrementAndGet() == 0 && closed) {
      closeFile();
    }
  }

  /** Takes no more lines. Under the journal's lock. */
  void close() {
    closed = true;
    if (writing.get() == 0) {
      closeFile();
    }
  }

  private void closeFile() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more is written to it; what was written is in the file
      }
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

  /** Whether a write into it is still going on. */
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
