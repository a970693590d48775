package com.diamondpricing.server.cli;

import com.diamondpricing.server.DiamondsApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code diamonds serve}: starts the HTTP service (port from {@code SERVER_PORT}, default 8080).
 */
@Command(
    name = "serve",
    description =
        "Start the HTTP service on the configured database (SQLite under var/ by default).")
final class ServeCommand implements Callable<Integer> {

  private static volatile boolean serving;

  @Unmatched List<String> springArguments = new ArrayList<>();

  static boolean isServing() {
    return serving;
  }

  @Override
  public Integer call() {
    serving = true;
    DiamondsApplication.main(springArguments.toArray(String[]::new));
    return 0;
  }
}
