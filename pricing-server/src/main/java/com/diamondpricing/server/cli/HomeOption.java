package com.diamondpricing.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The hidden {@code --home DIR} option of the commands that use the database: the state folder (and
 * so the SQLite database) for this command only. Without it the usual settings apply: the {@code
 * diamonds.home} system property, then {@code DIAMONDS_HOME} (which {@code bin/diamonds} sets),
 * then {@code ./var}. Tests use it to give every suite a fresh folder.
 */
final class HomeOption {

  @Option(
      names = "--home",
      hidden = true,
      paramLabel = "DIR",
      description = "state folder for this command (default: $DIAMONDS_HOME, else ./var)")
  Path home;

  CliContext start() {
    return CliContext.start(home);
  }
}
