package com.diamondpricing.server.cli;

import com.diamondpricing.server.registry.ModelNotFoundProblem;
import com.diamondpricing.server.registry.ModelRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * What every {@code diamonds models} subcommand shares: the state folder, the writers, and an
 * unknown model id as exit {@value ModelsCommand#UNKNOWN_ID}.
 */
abstract class RegistryCommand implements Callable<Integer> {

  @Mixin HomeOption home;

  @Mixin HelpOption help;

  @Spec CommandLine.Model.CommandSpec spec;

  PrintWriter out;
  PrintWriter err;

  /** The running context, for the subcommands that need more than the registry. */
  CliContext context;

  @Override
  public final Integer call() throws Exception {
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    check();
    try (CliContext started = home.start()) {
      context = started;
      return run(started.bean(ModelRegistry.class));
    } catch (ModelNotFoundProblem e) {
      err.println(
          spec.qualifiedName() + ": " + e.getMessage() + " (diamonds models list shows them)");
      return ModelsCommand.UNKNOWN_ID;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Checks the arguments before the database is opened. */
  void check() {}

  abstract int run(ModelRegistry registry) throws Exception;
}
