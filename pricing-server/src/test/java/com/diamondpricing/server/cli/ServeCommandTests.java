package com.diamondpricing.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTests {

  @Test
  void passesSpringArgumentsThrough() {
    CommandLine.ParseResult parsed =
        DiamondsCli.commandLine()
            .parseArgs("serve", "--server.port=9000", "--diamonds.inbox.enabled=false");
    ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(serve.springArguments)
        .containsExactly("--server.port=9000", "--diamonds.inbox.enabled=false");
  }
}
