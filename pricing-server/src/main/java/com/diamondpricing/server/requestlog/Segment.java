package com.diamondpricing.server.requestlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One journal file: records as lines, numbered from 1 in the order they were written. A segment is
 * written by one process while it is open, then closed for good. The {@link Journal}'s lock guards
 * the writing side; the writer thread alone reads and advances {@link #committed}.
 */
final class Segment {

  final String name;
  final Path path;

  /** Whether an earlier process wrote it (its line count and progress are in the file and db). */
  final boolean inherited;

  final long openedNanos;

  private FileChannel channel;
  private volatile long lines;
  private volatile long bytes;
  private volatile boolean closed;

  /** The first line not handed to the queue (it waits in the file), or 0 when every line was. */
  private volatile long spilledFrom;

  /** Lines written into the database (or given up); the writer thread's; -1: not known yet. */
  volatile long committed;

  private Segment(String name, Path path, FileChannel channel, boolean inherited, long bytes) {
    this.name = name;
    this.path = path;
    this.channel = channel;
    this.inherited = inherited;
    this.bytes = bytes;
    this.closed = channel == null;
    this.committed = inherited ? -1 : 0;
    this.openedNanos = System.nanoTime();
  }

  static Segment open(String name, Path path, FileChannel channel) {
    return new Segment(name, path, channel, false, 0);
  }

  static Segment inherited(String name, Path path, long bytes) {
    return new Segment(name, path, null, true, bytes);
  }

  /** Appends one line (newline included); its number. Called under the journal's lock. */
  long append(byte[] line) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(line);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    bytes += line.length;
    return ++lines;
  }

  /** Closes the file for good. Called under the journal's lock. */
  void close() {
    closed = true;
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more is written to it; what was written is in the file
      }
      channel = null;
    }
  }

  /** Notes that lines from {@code line} on were not queued: they are replayed from the file. */
  void spill(long line) {
    if (spilledFrom == 0) {
      spilledFrom = line;
    }
  }

  boolean spilled() {
    return spilledFrom != 0;
  }

  /** The last line handed to the queue (the writer commits up to it from memory). */
  long queuedThrough() {
    return spilledFrom == 0 ? lines : spilledFrom - 1;
  }

  long lines() {
    return lines;
  }

  long bytes() {
    return bytes;
  }

  boolean closed() {
    return closed;
  }

  /** Whether the writer should read the rest from the file: closed, and the queued part in. */
  boolean awaitsReplay() {
    return closed && (inherited || committed >= queuedThrough()) && !complete();
  }

  /** Whether every line is in the database: the file can go. (Inherited: only once read.) */
  boolean complete() {
    return closed && !inherited && committed >= lines;
  }

  @Override
  public String toString() {
    return name;
  }
}
