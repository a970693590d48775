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

  @Test
  void portOptionBecomesServerPort() {
    CommandLine.ParseResult parsed =
        DiamondsCli.commandLine().parseArgs("serve", "--port", "9001", "--x.y=z");
    ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(serve.applicationArguments()).containsExactly("--x.y=z", "--server.port=9001");
  }

  @Test
  void helpIsHelpNotAServer() {
    java.io.StringWriter out = new java.io.StringWriter();
    CommandLine cli = DiamondsCli.commandLine();
    cli.setOut(new java.io.PrintWriter(out));
    int code = cli.execute("serve", "--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("--port").contains("Usage:");
    assertThat(ServeCommand.isServing()).isFalse();
  }
}
