package com.diamondpricing.server.cli;

import com.diamondpricing.server.feedback.SaleHistory;
import com.diamondpricing.server.feedback.SaleRevisionView;
import com.diamondpricing.server.feedback.SaleView;
import com.diamondpricing.server.problem.InstantParameter;
import com.diamondpricing.server.problem.Problem;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
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

/**
 * {@code diamonds sales list | correct | void}: the sales as they stand with their history, and a
 * sale corrected or voided with a reason (recorded as done by {@code cli}).
 */
final class SaleCommands {

  /** Exit status of an unknown sale id. */
  static final int UNKNOWN_SALE = 4;

  /** Exit status of a sale that cannot change (voided, or changed meanwhile). */
  static final int CONFLICT = 5;

  private SaleCommands() {}

  /** What the three share: the state folder, the writers, the exit statuses of problems. */
  abstract static class SaleCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Mixin HelpOption help;

    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print JSON: the sale(s) with their history")
    boolean json;

    @Override
    public final Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (CliContext context = home.start()) {
        Object result = run(context.bean(SaleHistory.class));
        if (json) {
          out.println(CliJson.write(result));
        } else if (result instanceof SaleView s) {
          print(out, s);
        } else if (result instanceof List<?> sales) {
          if (sales.isEmpty()) {
            out.println("No sales yet.");
          }
          sales.forEach(s -> print(out, (SaleView) s));
        }
        return 0;
      } catch (Problem e) {
        return switch (e.kind()) {
          case NOT_FOUND -> {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            yield UNKNOWN_SALE;
          }
          case CONFLICT -> {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            yield CONFLICT;
          }
          default ->
              throw new CommandLine.ParameterException(spec.commandLine(), ProblemWords.of(e));
        };
      } finally {
        out.flush();
        err.flush();
      }
    }

    abstract Object run(SaleHistory sales);
  }

  static void print(PrintWriter out, SaleView s) {
    out.printf(
        Locale.ROOT,
        "sale %d  %-9s  $%,.2f on %s  %s %s %s %s ct%s%n",
        s.id(),
        s.status(),
        s.actualPrice(),
        s.soldAt().truncatedTo(ChronoUnit.SECONDS),
        s.stone().cut(),
        s.stone().color(),
        s.stone().clarity(),
        s.stone().carat(),
        s.predictedPrice() == null
            ? ""
            : String.format(Locale.ROOT, "  quoted $%,.2f", s.predictedPrice()));
    for (SaleRevisionView r : s.history()) {
      out.printf(
          Locale.ROOT,
          "    %d  %s  %-9s $%,.2f on %s%s%s%n",
          r.revision(),
          r.changedAt().truncatedTo(ChronoUnit.SECONDS),
          r.kind(),
          r.actualPrice(),
          r.soldAt().truncatedTo(ChronoUnit.SECONDS),
          r.keyId() == null ? "" : " by " + r.keyId(),
          r.reason() == null ? "" : ": " + r.reason());
    }
  }

  @Command(
      name = "list",
      description = "The latest sales, newest first, each as it stands with its history.")
  static final class ListSales extends SaleCommand {
    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "20",
        description = "how many, 1 to 500 (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    Object run(SaleHistory sales) {
      if (limit < 1 || limit > SaleHistory.MAX_LIMIT) {
        throw Problem.invalidParameter(
            "--limit", "--limit must be between 1 and " + SaleHistory.MAX_LIMIT, List.of());
      }
      return sales.recent(limit);
    }
  }

  @Command(
      name = "correct",
      description = {
        "Correct a sale's price or day (or both), with a reason kept in its history; the live"
            + " figures use the corrected sale.",
        "Exit status: 0 corrected, 2 bad arguments, 4 no such sale, 5 voided or changed meanwhile."
      })
  static final class Correct extends SaleCommand {
    @Parameters(paramLabel = "SALE", description = "the sale's id (see sales list)")
    long id;

    @Option(names = "--price", paramLabel = "DOLLARS", description = "the right price")
    Double price;

    @Option(
        names = "--sold-at",
        paramLabel = "TIME",
        description = "the right time: an ISO-8601 instant, or a date for that day (UTC)")
    String soldAt;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why")
    String reason;

    @Override
    Object run(SaleHistory sales) {
      Instant sold = InstantParameter.parseInstantOrDay("--sold-at", soldAt, Clock.systemUTC());
      if (price == null && sold == null) {
        // in the words of this command's options (the store names the API's fields)
        throw Problem.invalidParameter(
            "--price", "give --price, --sold-at or both: what is wrong with the sale", List.of());
      }
      return sales.correct(id, price, sold, reason, KeysCommand.CLI);
    }
  }

  @Command(
      name = "void",
      description = {
        "Void a sale that did not happen, with a reason: it counts in no live figure, and stays in"
            + " the history.",
        "Exit status: 0 voided, 2 bad arguments, 4 no such sale, 5 voided already."
      })
  static final class VoidSale extends SaleCommand {
    @Parameters(paramLabel = "SALE", description = "the sale's id (see sales list)")
    long id;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why")
    String reason;

    @Override
    Object run(SaleHistory sales) {
      return sales.voidSale(id, reason, KeysCommand.CLI);
    }
  }
}
