package com.diamondpricing.server.cli;

import com.diamondpricing.server.apikey.ApiKeyNotFoundProblem;
import com.diamondpricing.server.apikey.ApiKeyView;
import com.diamondpricing.server.apikey.ApiKeys;
import com.diamondpricing.server.apikey.CreatedKey;
import com.diamondpricing.server.problem.Problem;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diamonds keys}: API keys, one per job, created, listed and revoked on this machine. */
@Command(
    name = "keys",
    description =
        "API keys, one per job: sales (report, correct and void sales) or admin (everything)."
            + " Only a hash of each secret is kept; the secret is printed once, at creation.",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {

  /** Exit status of an unknown key id. */
  static final int UNKNOWN_KEY = 4;

  /** The key id that the command line acts as in the histories. */
  static final String CLI = "cli";

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin HelpOption help;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: create, list or revoke");
  }

  /** What the subcommands share: the state folder and the writers. */
  abstract static class KeyCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Mixin HelpOption help;

    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print JSON (the secret too, for create)")
    boolean json;

    @Override
    public final Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (CliContext context = home.start()) {
        return run(context.bean(ApiKeys.class), out);
      } catch (ApiKeyNotFoundProblem e) {
        err.println(spec.qualifiedName() + ": " + e.getMessage());
        return UNKNOWN_KEY;
      } catch (Problem e) {
        throw new CommandLine.ParameterException(spec.commandLine(), ProblemWords.of(e));
      } finally {
        out.flush();
        err.flush();
      }
    }

    abstract int run(ApiKeys keys, PrintWriter out);
  }

  @Command(
      name = "create",
      description = {
        "Create a key and print its secret, this once: give it to the till or script it is for.",
        "Exit status: 0 created, 2 bad arguments."
      })
  static final class Create extends KeyCommand {
    @Option(
        names = "--name",
        required = true,
        paramLabel = "TEXT",
        description = "what the key is for (\"till 1\"), at most 100 characters")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "sales or admin")
    String role;

    @Override
    int run(ApiKeys keys, PrintWriter out) {
      CreatedKey created = keys.create(name, role, CLI);
      if (json) {
        out.println(CliJson.write(created));
      } else {
        out.printf(
            Locale.ROOT,
            "Created %s (%s, %s). Its secret, shown this once:%n%n  %s%n%n"
                + "Send it as 'Authorization: Bearer <secret>'. Only a hash of it is kept.%n",
            created.key().id(),
            created.key().name(),
            created.key().role(),
            created.secret());
      }
      return 0;
    }
  }

  @Command(name = "list", description = "Every key, newest first; never a secret.")
  static final class ListKeys extends KeyCommand {
    @Override
    int run(ApiKeys keys, PrintWriter out) {
      List<ApiKeyView> all = keys.list();
      if (json) {
        out.println(CliJson.write(all));
        return 0;
      }
      if (all.isEmpty()) {
        out.println("No keys yet (diamonds keys create --name TEXT --role sales|admin).");
        return 0;
      }
      int nameWidth = Math.max(4, all.stream().mapToInt(k -> k.name().length()).max().orElse(4));
      String row = "%-13s  %-6s  %-" + nameWidth + "s  %-20s  %s%n";
      out.printf(Locale.ROOT, row, "ID", "ROLE", "NAME", "CREATED", "STATE");
      for (ApiKeyView k : all) {
        out.printf(
            Locale.ROOT,
            row,
            k.id(),
            k.role(),
            k.name(),
            k.createdAt().truncatedTo(ChronoUnit.SECONDS),
            k.active()
                ? "active"
                : "revoked "
                    + k.revokedAt().truncatedTo(ChronoUnit.SECONDS)
                    + " by "
                    + k.revokedBy());
      }
      return 0;
    }
  }

  @Command(
      name = "revoke",
      description = {
        "Revoke a key: it stops working at once, and stays listed.",
        "Exit status: 0 revoked, 2 bad arguments, 4 no such key."
      })
  static final class Revoke extends KeyCommand {
    @Parameters(paramLabel = "ID", description = "the key's id (see keys list)")
    String id;

    @Override
    int run(ApiKeys keys, PrintWriter out) {
      ApiKeyView k = keys.revoke(id, CLI);
      if (json) {
        out.println(CliJson.write(k));
      } else {
        out.printf(
            Locale.ROOT,
            "Revoked %s (%s, %s) at %s.%n",
            k.id(),
            k.name(),
            k.role(),
            k.revokedAt().truncatedTo(ChronoUnit.SECONDS));
      }
      return 0;
    }
  }
}
