package com.diamondpricing.server.requestlog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The request log's meters ({@code diamonds.requestlog.*}): rows {@code logged} into the database
 * (replays included), inserts {@code retried}, records {@code spilled} (journaled but not queued:
 * they are replayed from the file), {@code replayed} from the journal, {@code dropped} (lost:
 * expected 0; see the log for why), the records {@code queued} in memory and the {@code
 * journal.bytes} on disk.
 */
final class RequestLogMetrics {

  final Counter logged;
  final Counter retried;
  final Counter spilled;
  final Counter replayed;
  final Counter dropped;
  final Counter refused;

  RequestLogMetrics(MeterRegistry meters, RecordQueue queue, Journal journal) {
    logged = counter(meters, "logged", "request log rows written into the database");
    retried = counter(meters, "retried", "request log inserts that failed and are retried");
    spilled = counter(meters, "spilled", "request log records left in the journal, not queued");
    replayed = counter(meters, "replayed", "request log records replayed from the journal");
    dropped = counter(meters, "dropped", "request log records that could not be kept");
    refused =
        counter(meters, "refused", "requests answered 503 storage-full: nothing could be recorded");
    Gauge.builder("diamonds.requestlog.queued", queue, RecordQueue::size)
        .description("request log records waiting in memory")
        .strongReference(true)
        .register(meters);
    Gauge.builder("diamonds.requestlog.journal.bytes", journal, Journal::bytes)
        .description("bytes in the request log's journal files")
        .baseUnit("bytes")
        .strongReference(true)
        .register(meters);
  }

  private static Counter counter(MeterRegistry meters, String name, String description) {
    return Counter.builder("diamonds.requestlog." + name).description(description).register(meters);
  }
}
