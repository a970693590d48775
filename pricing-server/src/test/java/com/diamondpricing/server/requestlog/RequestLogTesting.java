package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.ledger.RecordedPrediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Waiting for the request log's writer, and records made by hand. */
final class RequestLogTesting {

  private RequestLogTesting() {}

  static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static void await(Duration timeout, String what, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /** Waits until everything submitted is in the database (idle twice in a row, 50 ms apart). */
  static void awaitIdle(RequestLogWriter writer) {
    await(
        Duration.ofSeconds(30),
        "the request log writer to be idle",
        () -> {
          if (!writer.idle()) {
            return false;
          }
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return writer.idle();
        });
  }

  static RequestRecord record(String requestId, Instant receivedAt) {
    return new RequestRecord(
        requestId,
        receivedAt,
        "GET",
        "/api/v1/models",
        null,
        null,
        "127.0.0.1",
        "test",
        null,
        null,
        false,
        200,
        "application/json",
        "[]",
        false,
        1.5,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }

  /**
   * An answered POST of a batch of prices, with the diamonds it priced (model xgboost v3, id 7).
   */
  static RequestRecord priced(
      String requestId, Instant receivedAt, List<RecordedPrediction> predictions) {
    return new RequestRecord(
        requestId,
        receivedAt,
        "POST",
        "/api/v1/predictions/batch",
        null,
        null,
        "127.0.0.1",
        "test",
        "application/json",
        "{}",
        false,
        200,
        "application/json",
        "{}",
        false,
        1.25,
        7L,
        "xgboost",
        3,
        null,
        null,
        predictions);
  }

  static long journalFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Journal::isJournal).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
