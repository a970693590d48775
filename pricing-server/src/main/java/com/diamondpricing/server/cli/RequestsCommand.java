package com.diamondpricing.server.cli;

import com.diamondpricing.server.requestlog.RequestLogEntry;
import com.diamondpricing.server.requestlog.RequestLogStore;
import com.diamondpricing.server.web.AnsweringModel;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
          List<Map<String, Object>> list = new ArrayList<>();
          for (RequestLogEntry e : records) {
            list.add(json(e));
          }
          out.println(CliJson.write(list));
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

  static Map<String, Object> json(RequestLogEntry e) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("id", e.id());
    j.put("requestId", e.requestId());
    j.put("receivedAt", CliJson.time(e.receivedAt()));
    j.put("method", e.method());
    j.put("path", e.path());
    j.put("query", e.query());
    j.put("status", e.status());
    j.put("durationMs", e.durationMs());
    if (e.model() == null) {
      j.put("model", null);
    } else {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.model().id());
      m.put("type", e.model().type());
      m.put("version", e.model().version());
      j.put("model", m);
    }
    j.put("errorCode", e.errorCode());
    j.put("client", e.client());
    j.put("userAgent", e.userAgent());
    j.put("requestContentType", e.requestContentType());
    j.put("requestBody", e.requestBody());
    j.put("requestBodyTruncated", e.requestBodyTruncated());
    j.put("responseContentType", e.responseContentType());
    j.put("responseBody", e.responseBody());
    j.put("responseBodyTruncated", e.responseBodyTruncated());
    return j;
  }
}
