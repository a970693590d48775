package com.diamondpricing.server.requestlog;

import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes into the database the journal lines it lacks: lines journaled but never queued (the queue
 * was full, the database away) and the files an earlier process left (a crash, a hard kill). A
 * closed segment is read from the offset the database has recorded for it, a chunk ({@code
 * batch-size} lines) per call, each chunk inserted with the segment's new offset in one
 * transaction; a segment whose every line is in the database is deleted, then its progress row.
 * Unreadable lines (cut by a crash) are counted as {@code dropped}; a file that cannot be read is
 * set aside ({@code .unreadable}). The writer thread's only: it calls {@link #replayChunk} between
 * queued batches, so the replay goes on under sustained traffic.
 */
final class JournalReplay {

  private static final Logger log = LoggerFactory.getLogger(JournalReplay.class);

  private final Journal journal;
  private final WriterDatabase database;
  private final RequestLogMetrics metrics;
  private final int chunkSize;

  private SegmentReader reading;
  private SegmentReader.Chunk chunk;

  JournalReplay(
      Journal journal, WriterDatabase database, RequestLogMetrics metrics, int chunkSize) {
    this.journal = journal;
    this.database = database;
    this.metrics = metrics;
    this.chunkSize = chunkSize;
  }

  /** Whether lines wait to be replayed (a chunk read, a segment open or one waiting). */
  boolean waiting() {
    return chunk != null || reading != null || awaitingReplay() != null;
  }

  /** Writes the next chunk of a segment that waits to be replayed, if one does. */
  void replayChunk() {
    if (chunk == null && !readChunk()) {
      return;
    }
    Segment segment = reading.segment();
    int inserted = database.insert(chunk.records(), Map.of(segment.name, chunk.end()));
    if (inserted < 0) {
      return; // the chunk is kept for the next attempt
    }
    segment.committed = chunk.end();
    metrics.replayed.increment(inserted);
    if (chunk.unreadable() > 0) {
      metrics.dropped.increment(chunk.unreadable());
      log.error(
          "Request log: LOST {} unreadable line(s) of the journal file {} (cut by a crash?)",
          chunk.unreadable(),
          segment.path);
    }
    boolean last = chunk.last();
    chunk = null;
    if (last) {
      reading.close();
      reading = null;
      if (segment.inherited) {
        log.info("Request log: replayed the journal file {}", segment.name);
      }
      finish(segment);
    }
  }

  /** Deletes the closed segments whose every line is in the database. */
  void deleteComplete() {
    for (Segment s : journal.closedSegments()) {
      if (s.complete()) {
        finish(s);
      }
    }
  }

  /** Closes the segment being read, if any (the writer is done). */
  void close() {
    if (reading != null) {
      reading.close();
    }
  }

  /** Opens the next segment to replay if needed, and reads a chunk of it; false if none. */
  private boolean readChunk() {
    if (reading == null) {
      Segment segment = awaitingReplay();
      if (segment == null) {
        return false;
      }
      if (segment.committed < 0) {
        long committed = database.committedOffset(segment);
        if (committed < 0) {
          return false;
        }
        segment.committed = committed;
      }
      if (segment.committed == Long.MAX_VALUE) {
        finish(segment); // replayed whole by an earlier version
        return false;
      }
      try {
        reading = new SegmentReader(segment, segment.committed);
      } catch (IOException e) {
        log.error("Request log: cannot read the journal file {}: {}", segment.path, e.toString());
        journal.abandon(segment);
        return false;
      }
    }
    try {
      chunk = reading.next(chunkSize);
      return true;
    } catch (IOException e) {
      log.error(
          "Request log: cannot read the journal file {}: {}", reading.segment().path, e.toString());
      reading.close();
      journal.abandon(reading.segment());
      reading = null;
      return false;
    }
  }

  private Segment awaitingReplay() {
    for (Segment s : journal.closedSegments()) {
      if (s.awaitsReplay()) {
        return s;
      }
    }
    return null;
  }

  /**
   * Deletes a segment whose lines are all in the database, then its progress row (kept when the
   * file could not be deleted: without it the file would be replayed again from its start).
   */
  private void finish(Segment segment) {
    if (journal.delete(segment)) {
      database.forget(segment);
    }
  }
}
