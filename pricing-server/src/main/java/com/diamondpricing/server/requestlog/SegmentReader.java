package com.diamondpricing.server.requestlog;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a journal segment's lines from a byte offset on, a chunk at a time (the writer thread's). A
 * line is a record's JSON and a newline; NUL bytes before it (a range reserved by a write that a
 * crash cut off) are skipped, and a line that is not a whole record is counted as unreadable.
 */
final class SegmentReader implements Closeable {

  /** The longest line read as a record; a longer one is counted unreadable. */
  static final int MAX_LINE = 4 << 20;

  /** Lines read: the records, how many lines could not be read, where the last one ends. */
  record Chunk(List<RequestRecord> records, int unreadable, long end, boolean last) {}

  private final Segment segment;
  private final InputStream in;
  private long position;

  /** A byte read ahead past a torn line's zeros (the first of the next line), or -1. */
  private int pending = -1;

  SegmentReader(Segment segment, long from) throws IOException {
    this.segment = segment;
    FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.READ);
    channel.position(from);
    this.in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
    this.position = from;
  }

  Segment segment() {
    return segment;
  }

  /**
   * Up to {@code max} more lines. A NUL byte ends a line that a crash cut short (the rest of its
   * reserved range was never copied; the JSON lines hold no raw NUL): it is counted as unreadable,
   * and reading goes on at the next byte that is not NUL, where the next whole line starts.
   */
  Chunk next(int max) throws IOException {
    List<RequestRecord> records = new ArrayList<>();
    int unreadable = 0;
    ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    boolean last = false;
    while (records.size() + unreadable < max) {
      line.reset();
      boolean tooLong = false;
      boolean torn = false;
      int b;
      while (true) {
        if (pending >= 0) {
          b = pending;
          pending = -1;
        } else {
          b = in.read();
          if (b >= 0) {
            position++;
          }
        }
        if (b < 0 || b == '\n') {
          break;
        }
        if (b == 0) {
          if (line.size() == 0) {
            continue; // an unwritten reserved range
          }
          torn = true; // the rest of this line was never written: skip the zeros after it
          do {
            b = in.read();
            if (b >= 0) {
              position++;
            }
          } while (b == 0);
          if (b > 0) {
            pending = b;
          }
          break;
        }
        if (line.size() < MAX_LINE) {
          line.write(b);
        } else {
          tooLong = true;
        }
      }
      if (torn || tooLong) {
        unreadable++;
        if (b < 0) {
          last = true;
          break;
        }
        continue;
      }
      if (b < 0) {
        last = true;
        if (line.size() > 0) {
          unreadable++; // the end of the file without a newline: a write cut short
        }
        break;
      }
      String text = new String(line.toByteArray(), StandardCharsets.UTF_8);
      if (text.isBlank()) {
        continue;
      }
      try {
        records.add(RecordLines.decode(text));
      } catch (IllegalArgumentException e) {
        unreadable++;
      }
    }
    // a byte read ahead belongs to the next chunk: the position stays before it
    return new Chunk(records, unreadable, pending >= 0 ? position - 1 : position, last);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // read only
    }
  }
}
