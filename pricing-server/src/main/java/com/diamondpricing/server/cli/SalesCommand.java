package com.diamondpricing.server.cli;

import com.diamondpricing.server.feedback.SalesImport;
import com.diamondpricing.server.problem.Problem;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diamonds sales}: sale prices fed back. */
@Command(
    name = "sales",
    description = "Sale prices fed back: what stones actually sold for.",
    subcommands = {
      SalesCommand.Import.class,
      SaleCommands.ListSales.class,
      SaleCommands.Correct.class,
      SaleCommands.VoidSale.class
    })
final class SalesCommand implements Runnable {

  static final int REJECTED = 3;

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin HelpOption help;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: import, list, correct or void");
  }

  @Command(
      name = "import",
      description = {
        "Record the sales of a CSV file: prediction_id, actual_price, sold_at (ISO-8601), and for"
            + " stones never priced here carat, cut, color, clarity, depth, table, x, y, z instead"
            + " of the prediction_id. Idempotent: a sale recorded before is a duplicate.",
        "Exit status: 0 recorded, 2 bad arguments, 3 rejected (nothing recorded)."
      })
  static final class Import implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the CSV file")
    Path file;

    @Option(
        names = "--json",
        description =
            "print one JSON object: rows, recorded, duplicates, attributed, outcomes (each row's"
                + " predictionId, status and modelId)")
    boolean json;

    @Mixin HomeOption home;

    @Mixin HelpOption help;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      var err = spec.commandLine().getErr();
      if (!Files.isRegularFile(file)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
      }
      try (CliContext context = home.start();
          InputStream in = Files.newInputStream(file)) {
        SalesImport.Result r =
            context.bean(SalesImport.class).importCsv(in, file.getFileName().toString());
        if (json) {
          out.println(CliJson.write(r));
        } else {
          out.printf(
              Locale.ROOT,
              "%s: %,d sales, %,d recorded, %,d duplicates (recorded before), %,d attributed to"
                  + " the model that priced them%n",
              file.getFileName(),
              r.rows(),
              r.recorded(),
              r.duplicates(),
              r.attributed());
        }
        return 0;
      } catch (SalesImport.Rejected e) {
        err.println(file.getFileName() + " rejected, nothing recorded:");
        e.problems().forEach(p -> err.println("  " + p));
        return REJECTED;
      } catch (Problem e) {
        err.println(file.getFileName() + " rejected, nothing recorded: " + ProblemWords.of(e));
        return REJECTED;
      } finally {
        out.flush();
        err.flush();
      }
    }
  }
}
