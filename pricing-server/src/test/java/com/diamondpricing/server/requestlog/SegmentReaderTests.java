package com.diamondpricing.server.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a journal segment back after a crash: zeros of a range reserved but never written are
 * skipped, a line cut short by them is counted unreadable and the whole line after it is kept, and
 * a chunk's end offset is where the next chunk starts.
 */
class SegmentReaderTests {

  @TempDir Path dir;

  static byte[] line(String id) {
    return RecordLines.encode(RequestLogTesting.record(id, Instant.ofEpochMilli(1000)));
  }

  @Test
  void aLineCutShortByACrashIsCountedAndTheNextWholeLineIsKept() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(line("before"));
    byte[] torn = line("torn");
    file.write(torn, 0, torn.length / 2);
    file.writeBytes(new byte[torn.length - torn.length / 2]); // never copied
    file.writeBytes(line("after"));
    file.writeBytes(new byte[4096]); // the mapped file's unwritten tail
    Path path = dir.resolve("journal-x.jsonl");
    Files.write(path, file.toByteArray());

    List<String> ids = new ArrayList<>();
    int unreadable = 0;
    try (SegmentReader reader =
        new SegmentReader(Segment.inherited("journal-x.jsonl", path, file.size()), 0)) {
      SegmentReader.Chunk chunk;
      do {
        chunk = reader.next(1); // one line a chunk: every boundary is crossed
        chunk.records().forEach(r -> ids.add(r.requestId()));
        unreadable += chunk.unreadable();
      } while (!chunk.last());
    }
    assertThat(ids).containsExactly("before", "after");
    assertThat(unreadable).isEqualTo(1);
  }

  @Test
  void aChunksEndIsWhereTheNextChunkStarts() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int i = 0; i < 5; i++) {
      file.writeBytes(line("r" + i));
    }
    Path path = dir.resolve("journal-y.jsonl");
    Files.write(path, file.toByteArray());
    Segment segment = Segment.inherited("journal-y.jsonl", path, file.size());
    long end;
    try (SegmentReader reader = new SegmentReader(segment, 0)) {
      end = reader.next(2).end();
    }
    try (SegmentReader again = new SegmentReader(segment, end)) {
      SegmentReader.Chunk rest = again.next(10);
      assertThat(rest.records())
          .extracting(RequestRecord::requestId)
          .containsExactly("r2", "r3", "r4");
      assertThat(rest.end()).isEqualTo(file.size());
    }
  }
}
