package com.diamondpricing.server.requestlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log's write-ahead journal: every record is appended to a file, {@code journal-<UTC
 * time>-<random>.jsonl}, before its response is released, so a process that dies (even by {@code
 * kill -9}) loses no answered request: the next start replays what the database lacks. Each write
 * is handed to the operating system at once (it survives the process, not a power cut; no fsync). A
 * segment is closed after {@code segment-size} bytes or {@code segment-age} and deleted once the
 * database holds all its lines. The files together stay under {@code journal-max-size}: past it,
 * records are dropped (counted by the caller). Files and folder are owner-only.
 */
final class Journal {

  static final String PREFIX = "journal-";
  static final String SUFFIX = ".jsonl";

  private static final Logger log = LoggerFactory.getLogger(Journal.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /** Where a line went (its end offset), and whether it was queued (else it waits in the file). */
  record Position(Segment segment, long end, boolean queued) {}

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final long segmentAgeNanos;
  private final Clock clock;

  /** Closed segments not yet deleted, oldest first; the open one is {@link #current}. */
  private final List<Segment> closed = new ArrayList<>();

  private Segment current;
  private long bytes;
  private String failure = "";

  /** The journal in {@code dir}; {@code clock} gives the time in new files' names. */
  Journal(Path dir, long maxBytes, long segmentBytes, long segmentAgeNanos, Clock clock) {
    this.dir = dir.toAbsolutePath().normalize();
    this.clock = clock;
    this.maxBytes = maxBytes;
    this.segmentBytes = segmentBytes;
    this.segmentAgeNanos = segmentAgeNanos;
    try {
      createOwnerOnlyDirectory(this.dir);
      try (Stream<Path> files = Files.list(this.dir)) {
        for (Path f : files.filter(Journal::isJournal).sorted().toList()) {
          long size = Files.size(f);
          closed.add(Segment.inherited(f.getFileName().toString(), f, size));
          bytes += size;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot use the request log's journal folder " + this.dir + ": " + e, e);
    }
    if (!closed.isEmpty()) {
      log.info(
          "Request log: {} journal file(s) in {} will be replayed into the database",
          closed.size(),
          this.dir);
    }
  }

  static boolean isJournal(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(PREFIX)
        && name.endsWith(SUFFIX)
        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
  }

  Path dir() {
    return dir;
  }

  /**
   * Appends a line: reserves its bytes and, still under the lock (so the queue's order is the
   * file's), offers its position to {@code enqueue} (a position refused there marks its segment
   * spilled); then writes it, outside the lock. Returns once the line is in the file (or at least
   * queued, if the disk refused it), or null when the record is in neither.
   */
  Position append(byte[] line, Predicate<Position> enqueue) throws QuotaExceeded {
    Segment segment;
    long at;
    boolean queued;
    synchronized (this) {
      if (bytes + line.length > maxBytes) {
        throw new QuotaExceeded();
      }
      if (current == null
          || !current.fits(line.length)
          || System.nanoTime() - current.openedNanos > segmentAgeNanos) {
        if (!rotate(line.length)) {
          return null;
        }
      }
      segment = current;
      at = segment.reserve(line.length);
      bytes += line.length;
      queued = !segment.spilled() && enqueue.test(new Position(segment, at + line.length, true));
      if (!queued) {
        segment.spill(at);
      }
    }
    try {
      segment.write(line, at);
    } catch (IOException e) {
      abandonWrite(segment, e);
      if (!queued) {
        return null;
      }
    } finally {
      segment.written();
    }
    return new Position(segment, at + line.length, queued);
  }

  /** What went wrong when the journal last refused a line. */
  synchronized String lastFailure() {
    return failure;
  }

  /** A file that failed a write takes no more lines; the next line opens a new one. */
  private synchronized void abandonWrite(Segment segment, IOException e) {
    failure = "cannot write the journal file " + segment.path + ": " + e;
    if (segment == current) {
      log.warn(
          "Request log: cannot write the journal file {} ({}); starting another",
          segment.path,
          e.toString());
      closeCurrent();
    }
  }

  /**
   * Closes the open segment (if any) and opens a new one, mapped for {@code segment-size} bytes (or
   * the line, if it is longer); false when none can be opened.
   */
  private boolean rotate(int lineLength) {
    closeCurrent();
    String name =
        PREFIX
            + STAMP.format(clock.instant())
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + SUFFIX;
    Path path = dir.resolve(name);
    try {
      createOwnerOnlyDirectory(dir);
      Set<StandardOpenOption> options =
          Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileChannel channel =
          POSIX
              ? FileChannel.open(path, options, ownerOnly("rw-------"))
              : FileChannel.open(path, options);
      int capacity = (int) Math.min(Integer.MAX_VALUE, Math.max(segmentBytes, lineLength));
      try {
        current = Segment.open(name, path, channel, capacity);
      } catch (IOException e) {
        channel.close();
        Files.deleteIfExists(path); // what was reserved of it goes back to the disk
        throw e;
      }
      return true;
    } catch (IOException e) {
      failure = "cannot create the journal file " + path + ": " + e;
      log.debug("Request log: {}", failure);
      return false;
    }
  }

  /**
   * Why a record could not be journaled now, or null when there is room: under the quota by a
   * margin, and an open file with room or the disk space for a new one. Asked again and again while
   * the journal is full, so it opens nothing.
   */
  synchronized String lacksRoom() {
    long margin = Math.min(1L << 20, maxBytes / 4);
    if (maxBytes - bytes < margin) {
      return "the journal's files in "
          + dir
          + " take "
          + bytes
          + " bytes of their "
          + maxBytes
          + " (journal-max-size) until the database takes their records";
    }
    if (current != null && current.fits((int) Math.min(margin, 64 * 1024))) {
      return null;
    }
    long usable;
    try {
      usable = Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      return "the journal folder " + dir + " cannot be read: " + e.getMessage();
    }
    long needed = Math.min(Integer.MAX_VALUE, segmentBytes);
    return usable >= needed
        ? null
        : "the disk holding "
            + dir
            + " has "
            + usable
            + " bytes free, less than a journal file's "
            + needed;
  }

  /** Closes the open segment: no more lines go to it. */
  synchronized void closeCurrent() {
    if (current != null) {
      current.close();
      closed.add(current);
      current = null;
    }
  }

  /**
   * Closes the open segment when it is spilled and the queue has room again (so that its rest can
   * be replayed and new records queued), or when it is older than {@code segment-age}.
   */
  synchronized void closeIf(boolean queueHasRoom) {
    if (current != null
        && ((current.spilled() && queueHasRoom)
            || System.nanoTime() - current.openedNanos > segmentAgeNanos)) {
      closeCurrent();
    }
  }

  /** The closed segments, oldest first. */
  synchronized List<Segment> closedSegments() {
    return List.copyOf(closed);
  }

  /**
   * Deletes a closed segment's file and forgets it; false when the file could not be deleted (it
   * stays on disk for the next start, whose replay skips what the database holds).
   */
  synchronized boolean delete(Segment segment) {
    if (!closed.remove(segment)) {
      return false;
    }
    try {
      Files.deleteIfExists(segment.path);
    } catch (IOException e) {
      log.warn("Request log: cannot delete the journal file {}: {}", segment.path, e.toString());
      return false;
    }
    bytes -= segment.size();
    return true;
  }

  /** Sets a file that cannot be read aside ({@code .unreadable}) and forgets it. */
  synchronized void abandon(Segment segment) {
    if (!closed.remove(segment)) {
      return;
    }
    bytes -= segment.size();
    try {
      Files.move(segment.path, segment.path.resolveSibling(segment.name + ".unreadable"));
    } catch (IOException e) {
      log.warn("Request log: cannot set {} aside: {}", segment.path, e.toString());
    }
  }

  /** Whether records wait in a file (closed segments not yet deleted). */
  synchronized boolean pending() {
    return !closed.isEmpty();
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized Segment current() {
    return current;
  }

  /** A write that would take the journal past its quota. */
  static final class QuotaExceeded extends Exception {
    private static final long serialVersionUID = 1L;

    QuotaExceeded() {
      super("the request log journal is full", null, false, false);
    }
  }

  static void createOwnerOnlyDirectory(Path dir) throws IOException {
    if (POSIX && !Files.exists(dir)) {
      Files.createDirectories(dir, ownerOnly("rwx------"));
    } else {
      Files.createDirectories(dir);
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }
}
