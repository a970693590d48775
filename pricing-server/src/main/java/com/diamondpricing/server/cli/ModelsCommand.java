package com.diamondpricing.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code diamonds models}: the model registry: list, show, promote, history, export, predict. */
@Command(
    name = "models",
    description = {
      "The model registry: every model ever trained, and the champion that serves prices.",
      "Exit status: 0 done, 2 bad arguments or unknown model id, 3 data rejected (predict)."
    },
    subcommands = {
      ListModelsCommand.class,
      ShowModelCommand.class,
      FitModelCommand.class,
      PromoteModelCommand.class,
      ChampionHistoryCommand.class,
      ExportModelCommand.class,
      PredictWithModelCommand.class
    })
final class ModelsCommand implements Runnable {

  static final int UNKNOWN_ID = 2;
  static final int DATA_REJECTED = 3;

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin HelpOption help;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a subcommand is required: list, show, promote, history, export, predict");
  }
}
