package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.system.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log's overflow: append-only files {@code journal-<UTC time>-<random>.jsonl}, one
 * record per line, written when the queue is full, when the database has been down for a while, and
 * at a shutdown that cannot reach the database. Each line is handed to the operating system as it
 * is written (it survives the process, not a power cut). A file is closed after {@code maxRecords}
 * lines, or when the writer takes the files to replay them; replayed files are deleted. Thread
 * safe: request threads append, the writer thread replays.
 */
final class Journal {

  static final String PREFIX = "journal-";
  static final String SUFFIX = ".jsonl";

  private static final Logger log = LoggerFactory.getLogger(Journal.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final int maxRecords;

  /** Closed files not yet replayed, oldest first. */
  private final TreeSet<Path> closed = new TreeSet<>();

  private Path current;
  private BufferedWriter out;
  private int currentRecords;

  Journal(Path dir, int maxRecords) {
    this.dir = dir.toAbsolutePath().normalize();
    this.maxRecords = maxRecords;
    try {
      Files.createDirectories(this.dir);
      try (Stream<Path> files = Files.list(this.dir)) {
        files.filter(Journal::isJournal).forEach(closed::add);
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
    return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && Files.isRegularFile(file);
  }

  Path dir() {
    return dir;
  }

  /** The line of a record. */
  static String line(RequestRecord record) {
    return Json.write(record.toMap());
  }

  /** Appends lines (one per record) and hands them to the operating system. */
  synchronized void append(List<String> lines) throws IOException {
    for (String line : lines) {
      if (out == null) {
        open();
      }
      out.write(line);
      out.write('\n');
      if (++currentRecords >= maxRecords) {
        out.flush();
        closeCurrent();
      }
    }
    if (out != null) {
      out.flush();
    }
  }

  private void open() throws IOException {
    Files.createDirectories(dir);
    String name =
        PREFIX
            + STAMP.format(Instant.now())
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + SUFFIX;
    current = dir.resolve(name);
    // a lenient encoder and decoder: a broken character never costs a record
    out =
        new BufferedWriter(
            new OutputStreamWriter(
                Files.newOutputStream(
                    current,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND),
                StandardCharsets.UTF_8));
    currentRecords = 0;
  }

  private void closeCurrent() throws IOException {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } finally {
      closed.add(current);
      out = null;
      current = null;
    }
  }

  /** Whether records wait in the journal. */
  synchronized boolean pending() {
    return out != null || !closed.isEmpty();
  }

  /** Closes the file being written, and gives every file to replay, oldest first. */
  synchronized List<Path> takeFiles() {
    try {
      closeCurrent();
    } catch (IOException e) {
      log.warn("Request log: cannot close the journal file: {}", e.toString());
    }
    closed.removeIf(f -> !Files.exists(f));
    return new ArrayList<>(closed);
  }

  /** Forgets a replayed file and deletes it. */
  synchronized void replayed(Path file) {
    closed.remove(file);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // replayed files are recorded in request_log_journal: the next attempt only deletes it
      log.warn("Request log: cannot delete the replayed journal file {}: {}", file, e.toString());
    }
  }

  /** Sets an unreadable file aside ({@code .unreadable}), so it is not tried again. */
  synchronized void abandon(Path file) {
    closed.remove(file);
    try {
      Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"));
    } catch (IOException e) {
      log.warn("Request log: cannot set {} aside: {}", file, e.toString());
    }
  }

  /** Closes the file being written (at shutdown). */
  synchronized void close() {
    try {
      closeCurrent();
    } catch (IOException e) {
      log.warn("Request log: cannot close the journal file: {}", e.toString());
    }
  }

  /** A file's records; lines that cannot be read (a write cut by a hard kill) are counted. */
  static Contents read(Path file) throws IOException {
    List<RequestRecord> records = new ArrayList<>();
    int bad = 0;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        try {
          records.add(RequestRecord.fromMap(Json.readMap(line)));
        } catch (RuntimeException e) {
          bad++;
        }
      }
    }
    return new Contents(records, bad);
  }

  record Contents(List<RequestRecord> records, int unreadable) {}
}
