package com.diamondpricing.server.inbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tells which files in a folder are complete: a file is taken only when its size and modification
 * time are the same at two polls in a row, so a file still being written is never read half-way.
 * Names starting with {@code .} or ending in {@code .tmp} or {@code .part} are never taken (a
 * writer can write under such a name and rename the file into place), nor anything but {@code
 * *.csv}.
 *
 * <p>Not thread-safe: one poller uses it.
 */
final class StabilityDetector {

  /** What a poll saw of one file. */
  record FileState(long size, FileTime modified) {}

  private Map<Path, FileState> previous = new HashMap<>();

  /** Whether a file with this name is a candidate at all. */
  static boolean candidate(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !name.startsWith(".")
        && !lower.endsWith(".tmp")
        && !lower.endsWith(".part")
        && lower.endsWith(".csv");
  }

  /**
   * What a folder holds: its candidate regular files, with their size and modification time, and
   * the candidates that are not regular files (symbolic links above all), which are never read.
   */
  record Scan(Map<Path, FileState> files, List<Path> notRegular) {}

  /** The candidates directly in a folder; links are not followed. */
  static Scan scan(Path dir) throws IOException {
    Map<Path, FileState> seen = new TreeMap<>();
    List<Path> notRegular = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        if (!candidate(file.getFileName().toString())) {
          continue;
        }
        try {
          BasicFileAttributes a =
              Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (a.isRegularFile()) {
            seen.put(file, new FileState(a.size(), a.lastModifiedTime()));
          } else {
            notRegular.add(file);
          }
        } catch (NoSuchFileException e) {
          // renamed or deleted between listing and reading: not there
        }
      }
    }
    return new Scan(seen, notRegular);
  }

  /**
   * Records what this poll saw and returns the files that looked exactly the same at the previous
   * poll, in name order. A file seen for the first time, or changed since, waits for the next poll.
   */
  List<Path> stable(Map<Path, FileState> seen) {
    List<Path> stable = new ArrayList<>();
    for (Map.Entry<Path, FileState> e : seen.entrySet()) {
      if (e.getValue().equals(previous.get(e.getKey()))) {
        stable.add(e.getKey());
      }
    }
    previous = new HashMap<>(seen);
    stable.sort(null);
    return stable;
  }

  /** Forgets a file (taken, or moved away): if it comes back it waits for two polls again. */
  void forget(Path file) {
    previous.remove(file);
  }
}
