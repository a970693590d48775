package com.diamondpricing.server.cli;

import picocli.CommandLine.Option;

/** {@code --since} and {@code --until}: a window of time, as the monitoring commands take it. */
final class WindowOptions {

  @Option(names = "--since", paramLabel = "TIME", description = "ISO-8601 instant, inclusive")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "ISO-8601 instant (default: now)")
  String until;
}
