package com.diamondpricing.server.requestlog;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a journal segment's lines from a given one on, a chunk at a time (the writer thread's).
 * Lines are numbered from 1; a segment this process wrote is read up to its line count (a write
 * that failed half way may have left a piece of a line after it), an inherited one to its end.
 */
final class SegmentReader implements Closeable {

  /** Lines read: the records, how many lines could not be read, the last line's number. */
  record Chunk(List<RequestRecord> records, int unreadable, long lastLine, boolean end) {}

  private final Segment segment;
  private final BufferedReader in;
  private long line;

  SegmentReader(Segment segment, long skipLines) throws IOException {
    this.segment = segment;
    this.in =
        new BufferedReader(
            new InputStreamReader(
                Files.newInputStream(segment.path),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    while (line < skipLines && in.readLine() != null) {
      line++;
    }
  }

  Segment segment() {
    return segment;
  }

  /** Up to {@code max} more lines. */
  Chunk next(int max) throws IOException {
    List<RequestRecord> records = new ArrayList<>();
    int unreadable = 0;
    long last = segment.inherited ? Long.MAX_VALUE : segment.lines();
    boolean end = false;
    while (records.size() + unreadable < max) {
      if (line >= last) {
        end = true;
        break;
      }
      String text = in.readLine();
      if (text == null) {
        end = true;
        break;
      }
      line++;
      if (text.isBlank()) {
        continue;
      }
      try {
        records.add(RecordLines.decode(text));
      } catch (IllegalArgumentException e) {
        unreadable++;
      }
    }
    return new Chunk(records, unreadable, line, end);
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
