package com.diamondpricing.server.inbox;

import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.dataset.IngestResult;
import com.diamondpricing.server.system.BackgroundWorker;
import com.diamondpricing.server.system.DiamondsProperties;
import com.diamondpricing.server.system.ShutdownOrder;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.TrainingRun;
import com.diamondpricing.server.training.Trigger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The inbox: a folder ({@code diamonds.inbox.dir}, default {@code <home>/inbox}) looked at every
 * {@code diamonds.inbox.poll-interval} (default 2 s). A {@code *.csv} file dropped there is
 * ingested ({@code diamonds.inbox.mode}: replace or append, default replace) and a training run of
 * every model type is queued (trigger {@code inbox}); the file then moves to {@code processed/}, or
 * to {@code failed/} with {@code <name>.error.txt} beside it when it is rejected (nothing is stored
 * then). Moved files get a UTC timestamp prefix and never overwrite anything; a name too long for
 * it is shortened ({@link MovedNames}). Only regular files are read, never through a symbolic link
 * (a link is moved to {@code failed/} unread), and the error text quotes nothing of a file but a
 * short piece of a bad header. While the training queue is full ({@code
 * diamonds.training.max-queued}), files wait in the inbox.
 *
 * <p>A file is taken only once its size and modification time stayed the same across two polls
 * ({@link StabilityDetector}); names starting with {@code .} or ending in {@code .tmp} or {@code
 * .part} are left alone, so a writer can also write under such a name and rename into place. {@code
 * diamonds.inbox.enabled=false} turns the inbox off.
 */
@Component
@ConditionalOnProperty(
    name = DiamondsProperties.Inbox.ENABLED,
    havingValue = "true",
    matchIfMissing = true)
public class InboxWatcher extends BackgroundWorker {

  public static final String PROCESSED = "processed";
  public static final String FAILED = "failed";
  public static final String ERROR_SUFFIX = ".error.txt";

  private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
  private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final DatasetStore datasets;
  private final TrainingPipeline pipeline;
  private final Path dir;
  private final Path processed;
  private final Path failed;
  private final IngestMode mode;
  private final Duration pollInterval;
  private final StabilityDetector detector = new StabilityDetector();
  private final Clock clock;

  /** Files handled but not movable: left alone until they change. */
  private final Map<Path, StabilityDetector.FileState> stuck = new HashMap<>();

  InboxWatcher(
      DiamondsProperties properties,
      DatasetStore datasets,
      TrainingPipeline pipeline,
      Clock clock) {
    super("inbox", ShutdownOrder.INTAKE, OnStop.FINISH, Duration.ofSeconds(30));
    this.clock = clock;
    this.datasets = datasets;
    this.pipeline = pipeline;
    this.dir = properties.inboxDir().toAbsolutePath().normalize();
    this.processed = dir.resolve(PROCESSED);
    this.failed = dir.resolve(FAILED);
    DiamondsProperties.Inbox inbox = properties.inbox();
    this.mode = mode(inbox.mode());
    this.pollInterval = inbox.pollInterval() == null ? DEFAULT_POLL_INTERVAL : inbox.pollInterval();
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException(
          "diamonds.inbox.poll-interval must be positive, not " + pollInterval);
    }
    createFolders();
  }

  private static IngestMode mode(String text) {
    if (text == null || text.isBlank()) {
      return IngestMode.REPLACE;
    }
    try {
      return IngestMode.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("diamonds.inbox.mode: " + e.getMessage(), e);
    }
  }

  private void createFolders() {
    for (Path folder : List.of(dir, processed, failed)) {
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot create the inbox folder " + folder + " (diamonds.inbox.dir): " + e, e);
      }
    }
  }

  /** Starts polling once the application is ready (after the bootstrap, if any). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void startWhenReady() {
    log.info(
        "Inbox: watching {} every {} ms ({} mode); done files go to {}/ and {}/",
        dir,
        pollInterval.toMillis(),
        mode.value(),
        PROCESSED,
        FAILED);
    start();
  }

  /** Not with the context: once the application is ready. */
  @Override
  public boolean isAutoStartup() {
    return false;
  }

  @Override
  protected boolean turn() throws InterruptedException {
    pause(pollInterval);
    if (stopping()) {
      return false;
    }
    pollSafely();
    return true;
  }

  /** The watched folder. */
  public Path dir() {
    return dir;
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException | Error e) {
      log.error("Inbox: polling {} failed; trying again in {} ms", dir, pollInterval.toMillis(), e);
    }
  }

  /** Looks at the folder once and takes the files that are complete. */
  synchronized void poll() {
    StabilityDetector.Scan scan;
    try {
      createFolders();
      scan = StabilityDetector.scan(dir);
    } catch (IOException | UncheckedIOException e) {
      log.warn("Inbox: cannot read {}: {}", dir, e.toString());
      return;
    }
    for (Path link : scan.notRegular()) {
      refuse(link);
    }
    Map<Path, StabilityDetector.FileState> seen = scan.files();
    stuck.keySet().retainAll(seen.keySet());
    for (Path file : detector.stable(seen)) {
      if (stopping()) {
        return;
      }
      StabilityDetector.FileState state = seen.get(file);
      if (state.equals(stuck.get(file))) {
        continue;
      }
      if (!pipeline.hasRoom()) {
        log.info("Inbox: the training queue is full; {} waits for room", file.getFileName());
        return;
      }
      stuck.remove(file);
      detector.forget(file);
      if (!take(file)) {
        stuck.put(file, state);
      }
    }
  }

  /** A symbolic link (or another file that is not a regular one) is moved aside, never read. */
  private void refuse(Path file) {
    String name = file.getFileName().toString();
    log.warn("Inbox: {} is not a regular file (a symbolic link?); it is not read", name);
    move(
        file,
        failed,
        clock.instant(),
        name
            + " is not a regular file (a symbolic link, a folder or a device): it was not read."
            + "\nCopy the file itself into the inbox.\n");
  }

  /** Ingests one file, queues a run and moves the file; false when it could not be moved. */
  private boolean take(Path file) {
    String name = file.getFileName().toString();
    String source = "inbox/" + name;
    Instant received = clock.instant();
    log.info("Inbox: reading {} ({} bytes)", name, size(file));
    IngestResult result;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      result = datasets.ingest(in, source, mode);
    } catch (DatasetRejectedException e) {
      log.warn("Inbox: {} was rejected: {}", name, e.report().rejection());
      return move(
          file,
          failed,
          received,
          name
              + " was rejected: nothing was stored and no training run was started.\n"
              + "Fix the file and drop it into the inbox again.\n\n"
              + e.report().describeWithoutValues());
    } catch (NoSuchFileException e) {
      log.info("Inbox: {} disappeared before it could be read", name);
      return true;
    } catch (Exception | Error e) {
      if (stopping()) {
        log.info("Inbox: stopping; {} stays in the inbox for the next start", name);
        return true;
      }
      String errorId = UUID.randomUUID().toString();
      log.error("Inbox: {} could not be ingested (errorId {})", name, errorId, e);
      return move(
          file,
          failed,
          received,
          name
              + " could not be ingested because of an unexpected error (the server log has it,"
              + " errorId "
              + errorId
              + ").\nNothing was stored and no training run was started. Move the file back"
              + " into the inbox to try again.\n");
    }
    log.info(
        "Inbox: {} stored as dataset snapshot {} ({} rows kept of {} read{})",
        name,
        result.snapshot().id(),
        result.snapshot().rowsKept(),
        result.report().rowsRead(),
        result.reused() ? ", identical content reused" : "");
    String error = null;
    try {
      TrainingRun run =
          pipeline.submit(
              new TrainingPipeline.RunRequest(result.snapshot().id(), null, null), Trigger.INBOX);
      log.info(
          "Inbox: training run {} queued for {} on snapshot {}",
          run.id(),
          run.modelTypes(),
          run.snapshotId());
    } catch (RuntimeException e) {
      String errorId = UUID.randomUUID().toString();
      log.error(
          "Inbox: the training run for {} could not be queued (errorId {})", name, errorId, e);
      error =
          name
              + " was stored as dataset snapshot "
              + result.snapshot().id()
              + ", but no training run could be queued (the server log has why, errorId "
              + errorId
              + ").\n";
    }
    return move(file, processed, received, error);
  }

  /**
   * Moves a file into a folder under a timestamped name that exists nowhere yet, with the error
   * text beside it when there is one; false when the file could not be moved.
   */
  private boolean move(Path file, Path folder, Instant received, String errorText) {
    String name = file.getFileName().toString();
    String stamp = STAMP.format(received);
    for (int attempt = 1; attempt <= 1000; attempt++) {
      String target = MovedNames.target(stamp, attempt, name);
      Path moved = folder.resolve(target);
      Path errorFile = folder.resolve(target + ERROR_SUFFIX);
      if (Files.exists(moved) || (errorText != null && Files.exists(errorFile))) {
        continue;
      }
      try {
        Files.move(file, moved);
      } catch (FileAlreadyExistsException e) {
        continue;
      } catch (NoSuchFileException e) {
        log.warn(
            "Inbox: {} disappeared before it could be moved to {}/", name, folder.getFileName());
        return true;
      } catch (IOException e) {
        log.error("Inbox: cannot move {} to {}: {}; leaving it until it changes", name, moved, e);
        return false;
      }
      log.info("Inbox: {} moved to {}", name, dir.relativize(moved));
      if (errorText != null) {
        try {
          Files.writeString(errorFile, errorText, StandardCharsets.UTF_8);
        } catch (IOException e) {
          log.error("Inbox: cannot write {}: {}", errorFile, e.toString());
        }
      }
      return true;
    }
    log.error("Inbox: no free name for {} in {}; leaving it until it changes", name, folder);
    return false;
  }

  private static String size(Path file) {
    try {
      return String.format("%,d", Files.size(file));
    } catch (IOException e) {
      return "?";
    }
  }
}
