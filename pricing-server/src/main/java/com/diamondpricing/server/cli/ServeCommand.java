package com.diamondpricing.server.cli;

import com.diamondpricing.server.DiamondsApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code diamonds serve}: starts the HTTP service (port from {@code SERVER_PORT}, default 8080).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the HTTP service on the configured database (SQLite under var/ by default).",
      "Any other --name=value is a Spring Boot setting, e.g. --diamonds.request-log.retention=30d."
    })
final class ServeCommand implements Callable<Integer> {

  private static volatile boolean serving;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: $SERVER_PORT, else 8080).")
  Integer port;

  @Unmatched List<String> springArguments = new ArrayList<>();

  static boolean isServing() {
    return serving;
  }

  /** The Spring Boot arguments: the unmatched ones, then {@code --port} as {@code server.port}. */
  List<String> applicationArguments() {
    List<String> arguments = new ArrayList<>(springArguments);
    if (port != null) {
      arguments.add("--server.port=" + port);
    }
    return arguments;
  }

  /**
   * Starts the service; 1 when it could not start. Spring Boot has logged why by then (one ERROR
   * with a failure analysis, such as a damaged database file, or the exception once), so the
   * exception is not printed a second time.
   */
  @Override
  public Integer call() {
    serving = true;
    try {
      DiamondsApplication.main(applicationArguments().toArray(String[]::new));
    } catch (RuntimeException e) {
      serving = false;
      return 1;
    }
    return 0;
  }
}
