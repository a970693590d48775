package com.diamondpricing.server.cli;

import com.diamondpricing.server.ledger.AnsweringModel;
import com.diamondpricing.server.requestlog.RequestLogEntry;
import com.diamondpricing.server.requestlog.RequestLogStore;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diamonds requests}: the request log (every API request and its response). */
@Command(
    name = "requests",
    description = "The request log: every API request the service answered, with its response.",
    subcommands = {RequestsCommand.Tail.class})
final class RequestsCommand implements Runnable {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin HelpOption help;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: tail");
  }

  @Command(
      name = "tail",
      description = {
        "Print the newest recorded requests, oldest of them first (as tail does): time, status,"
            + " method, path, duration, the model that answered, request id.",
        "Reads the database only (the service may be running)."
      })
  static final class Tail implements Callable<Integer> {

    @Option(
        names = {"-n", "--limit"},
        defaultValue = "20",
        paramLabel = "N",
        description = "how many (1 to 1000, default: ${DEFAULT-VALUE})")
    int limit;

    @Option(
        names = "--json",
        description = "print one JSON array of the records (bodies included), oldest of them first")
    boolean json;

    @Mixin HomeOption home;

    @Mixin HelpOption help;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (limit < 1 || limit > RequestLogStore.MAX_LIMIT) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--limit must be between 1 and " + RequestLogStore.MAX_LIMIT);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (CliContext context = home.start()) {
        List<RequestLogEntry> newest =
            context.bean(RequestLogStore.class).find(null, null, null, null, limit);
        List<RequestLogEntry> records = new ArrayList<>(newest);
        Collections.reverse(records);
        if (json) {
          out.println(CliJson.write(records.stream().map(RecordJson::of).toList()));
        } else if (records.isEmpty()) {
          out.println("No requests recorded yet.");
        } else {
          for (RequestLogEntry e : records) {
            out.println(line(e));
          }
        }
        return 0;
      } finally {
        out.flush();
      }
    }
  }

  static String line(RequestLogEntry e) {
    String target = e.query() == null ? e.path() : e.path() + "?" + e.query();
    return String.format(
        Locale.ROOT,
        "%s  %3d  %-6s %-50s %9.1f ms  %-14s  %s",
        WHEN.format(e.receivedAt()),
        e.status(),
        e.method(),
        target,
        e.durationMs(),
        e.model() == null ? "-" : model(e.model()),
        e.requestId() == null ? "-" : e.requestId());
  }

  private static String model(AnsweringModel m) {
    return m.type() + " v" + m.version() + " #" + m.id();
  }

  /** A recorded request as {@code requests tail --json} prints it. */
  record RecordJson(
      long id,
      String requestId,
      String receivedAt,
      String method,
      String path,
      String query,
      int status,
      double durationMs,
      ModelJson model,
      String errorCode,
      String client,
      String userAgent,
      String requestContentType,
      String requestBody,
      boolean requestBodyTruncated,
      String responseContentType,
      String responseBody,
      boolean responseBodyTruncated) {

    static RecordJson of(RequestLogEntry e) {
      return new RecordJson(
          e.id(),
          e.requestId(),
          CliJson.time(e.receivedAt()),
          e.method(),
          e.path(),
          e.query(),
          e.status(),
          e.durationMs(),
          e.model() == null ? null : ModelJson.of(e.model()),
          e.errorCode(),
          e.client(),
          e.userAgent(),
          e.requestContentType(),
          e.requestBody(),
          e.requestBodyTruncated(),
          e.responseContentType(),
          e.responseBody(),
          e.responseBodyTruncated());
    }
  }

  /** The model that answered a request. */
  record ModelJson(long id, String type, int version) {

    static ModelJson of(AnsweringModel m) {
      return new ModelJson(m.id(), m.type(), m.version());
    }
  }
}
