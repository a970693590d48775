package com.diamondpricing.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code diamonds} command line: one entry point, a subcommand per task. */
@Command(
    name = "diamonds",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Prices diamonds: trains, evaluates and serves the pricing models.",
    subcommands = {
      ServeCommand.class,
      EvaluateCommand.class,
      TrainCommand.class,
      ModelsCommand.class,
      RequestsCommand.class,
      SalesCommand.class,
      KeysCommand.class,
      MonitoringCommand.class
    })
public final class DiamondsCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    int status = commandLine().execute(args);
    if (status != 0 || !ServeCommand.isServing()) {
      System.exit(status);
    }
  }

  static CommandLine commandLine() {
    return new CommandLine(new DiamondsCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
