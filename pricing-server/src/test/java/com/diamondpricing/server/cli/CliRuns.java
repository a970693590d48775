package com.diamondpricing.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code diamonds} commands in this JVM with captured stdout and stderr. */
final class CliRuns {

  static final Path BUNDLED = Path.of("../data/diamonds.csv");
  static final JsonMapper JSON = JsonMapper.builder().build();

  private CliRuns() {}

  record Run(int status, String out, String err) {

    List<String> outLines() {
      return out.lines().toList();
    }

    /** The last line of stdout as JSON. */
    JsonNode lastJson() {
      List<String> lines = outLines();
      return JSON.readTree(lines.get(lines.size() - 1));
    }

    /** The whole of stdout as one JSON document. */
    JsonNode json() {
      return JSON.readTree(out);
    }
  }

  /** The field names of a JSON object, in order. */
  static List<String> fields(JsonNode object) {
    return new ArrayList<>(object.propertyNames());
  }

  static Run run(String... args) {
    CommandLine cli = DiamondsCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  /** Runs a command against the state folder {@code home} (the hidden {@code --home} option). */
  static Run in(Path home, String... args) {
    List<String> all = new ArrayList<>();
    int subcommandWords =
        args.length > 1
                && (args[0].equals("models")
                    || args[0].equals("requests")
                    || args[0].equals("sales")
                    || args[0].equals("keys")
                    || args[0].equals("monitoring"))
            ? 2
            : 1;
    for (int i = 0; i < subcommandWords; i++) {
      all.add(args[i]);
    }
    all.add("--home");
    all.add(home.toString());
    for (int i = subcommandWords; i < args.length; i++) {
      all.add(args[i]);
    }
    return run(all.toArray(String[]::new));
  }

  /** The header and the first {@code rows} data rows of the bundled data, as a new file. */
  static Path head(Path dir, String name, int rows) {
    return slice(dir, name, 1, rows);
  }

  /** The header and the data rows {@code from} to {@code to} (1-based, inclusive). */
  static Path slice(Path dir, String name, int from, int to) {
    try {
      List<String> all = Files.readAllLines(BUNDLED);
      List<String> part = new ArrayList<>();
      part.add(all.get(0));
      part.addAll(all.subList(from, Math.min(to + 1, all.size())));
      Path file = dir.resolve(name);
      Files.write(file, part);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
