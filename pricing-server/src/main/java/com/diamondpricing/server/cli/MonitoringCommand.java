package com.diamondpricing.server.cli;

import com.diamondpricing.server.feedback.DriftReport;
import com.diamondpricing.server.feedback.Drifts;
import com.diamondpricing.server.problem.InstantParameter;
import com.diamondpricing.server.problem.Problem;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diamonds monitoring}: how what is priced and sold compares with what a model learned. */
@Command(
    name = "monitoring",
    description =
        "Drift of what is priced, and of what it sells for, against a model's training data.",
    subcommands = {MonitoringCommand.Drift.class})
final class MonitoringCommand implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin HelpOption help;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: drift");
  }

  @Command(
      name = "drift",
      description = {
        "The PSI of each feature and of the predicted price over the predictions recorded in a"
            + " window (default: the last 7 days), and of log(actual / predicted) over each grade"
            + " level's sales, against a model's training data (default: the champion's);"
            + " stable < 0.1 <= moderate <= 0.25 < major.",
        "Exit status: 0 done, 2 bad arguments or no such model."
      })
  static final class Drift implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "ID", description = "the model (default: the champion)")
    Long model;

    @Option(names = "--since", paramLabel = "TIME", description = "ISO-8601 instant, inclusive")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "ISO-8601 instant (default: now)")
    String until;

    @Option(names = "--json", description = "print the drift report as one JSON object")
    boolean json;

    @Mixin HomeOption home;

    @Mixin HelpOption help;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (CliContext context = home.start()) {
        DriftReport r =
            context
                .bean(Drifts.class)
                .of(
                    model,
                    InstantParameter.parse("--since", since, context.bean(Clock.class)),
                    InstantParameter.parse("--until", until, context.bean(Clock.class)));
        if (json) {
          out.println(CliJson.write(r));
          return 0;
        }
        out.printf(
            Locale.ROOT,
            "Drift against %s v%d (model %d), %s to %s: %,d predictions%n",
            r.type(),
            r.version(),
            r.modelId(),
            r.since(),
            r.until(),
            r.predictions());
        for (DriftReport.FeatureDrift f : r.features()) {
          line(out, f);
        }
        line(out, r.predictedPrice());
        for (DriftReport.SegmentDrift s : r.sales()) {
          out.printf(
              Locale.ROOT,
              "  %-18s %6d sales  %s  %s%n",
              s.feature() + " " + s.level(),
              s.sales(),
              s.psi() == null ? "PSI -    " : String.format(Locale.ROOT, "PSI %.3f", s.psi()),
              s.label()
                  + (s.medianRatio() == null
                      ? ""
                      : String.format(Locale.ROOT, " (sold at %.3fx the price)", s.medianRatio())));
        }
        return 0;
      } catch (Problem e) {
        err.println("monitoring drift: " + ProblemWords.of(e));
        return 2;
      } finally {
        out.flush();
        err.flush();
      }
    }

    private static void line(PrintWriter out, DriftReport.FeatureDrift f) {
      out.printf(
          Locale.ROOT,
          "  %-18s %6d values %s  %s%s%n",
          f.feature().equals("price") ? "predicted price" : f.feature(),
          f.n(),
          f.psi() == null ? "PSI -    " : String.format(Locale.ROOT, "PSI %.3f", f.psi()),
          f.label(),
          f.unseen().isEmpty() ? "" : ", unseen: " + String.join(", ", f.unseen()));
    }
  }
}
