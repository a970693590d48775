package com.diamondpricing.server.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} for a subcommand (the version option stays on {@code diamonds}). */
final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
