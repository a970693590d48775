package com.diamondpricing.server.cli;

import com.diamondpricing.server.feedback.DriftReport;
import com.diamondpricing.server.feedback.Drifts;
import com.diamondpricing.server.feedback.LiveAccuracies;
import com.diamondpricing.server.feedback.LiveAccuracyView;
import com.diamondpricing.server.feedback.TargetCheck;
import com.diamondpricing.server.problem.InstantParameter;
import com.diamondpricing.server.problem.Problem;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diamonds monitoring}: the champions' live bias and coverage against their targets, and how
 * what is priced and sold compares with what a model learned; the figures the monitoring page
 * shows.
 */
@Command(
    name = "monitoring",
    description =
        "Live bias and interval coverage against their targets; drift of what is priced, and of"
            + " what it sells for, against a model's training data.",
    subcommands = {MonitoringCommand.Live.class, MonitoringCommand.Drift.class})
final class MonitoringCommand implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin HelpOption help;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: live or drift");
  }

  @Command(
      name = "live",
      description = {
        "Each champion's (or one model's) live bias and 80% and 90% interval coverage on the"
            + " stones it priced that sold in a window (default: the last 30 days), each against"
            + " its target (0, 80%, 90%) with its 90% interval, n and a status: ok, warn or bad.",
        "Exit status: 0 done, 2 bad arguments or no such model."
      })
  static final class Live implements Callable<Integer> {

    @Option(
        names = "--model",
        paramLabel = "ID",
        description = "the model (default: each feature set's champion)")
    Long model;

    @Mixin WindowOptions window;

    @Option(names = "--json", description = "print a JSON array, one live accuracy per model")
    boolean json;

    @Mixin HomeOption home;

    @Mixin HelpOption help;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (CliContext context = home.start()) {
        LiveAccuracies live = context.bean(LiveAccuracies.class);
        Clock clock = context.bean(Clock.class);
        Instant from = InstantParameter.parse("--since", window.since, clock);
        Instant to = InstantParameter.parse("--until", window.until, clock);
        List<LiveAccuracyView> views = new ArrayList<>();
        for (long id :
            model != null ? List.of(model) : live.champions().stream().sorted().toList()) {
          views.add(live.of(id, from, to));
        }
        if (json) {
          out.println(CliJson.write(views));
          return 0;
        }
        if (views.isEmpty()) {
          out.println("No champion yet: train a model first.");
        }
        for (LiveAccuracyView v : views) {
          print(out, v);
        }
        return 0;
      } catch (Problem e) {
        err.println("monitoring live: " + ProblemWords.of(e));
        return 2;
      } finally {
        out.flush();
        err.flush();
      }
    }

    static void print(PrintWriter out, LiveAccuracyView v) {
      out.printf(
          Locale.ROOT,
          "%s v%d (model %d), sold %s to %s: %d sales%n",
          v.type(),
          v.version(),
          v.modelId(),
          v.since(),
          v.until(),
          v.n());
      if (!v.enough()) {
        out.println("  " + v.message());
        return;
      }
      for (TargetCheck c : v.checks()) {
        out.printf(Locale.ROOT, "  %-13s %s%n", MonitoringText.figure(c), MonitoringText.check(c));
      }
      out.printf(
          Locale.ROOT,
          "  %-13s %+.2f a stone (predicted - actual), MAE %.2f%s%n",
          "in dollars",
          v.bias(),
          v.mae(),
          v.maeToTestMae() == null
              ? ""
              : String.format(Locale.ROOT, " (%.2f x test)", v.maeToTestMae()));
    }
  }

  @Command(
      name = "drift",
      description = {
        "The PSI of each feature and of the predicted price over the predictions recorded in a"
            + " window (default: the last 7 days) against a model's training data (default: the"
            + " champion's), with n and a chi-square test's p-value: moderate (PSI 0.1 to 0.25) or"
            + " major (> 0.25) only when p < 0.01, else stable. Per grade level, from 5 sales: how"
            + " its stones sold against their prices, with a 90% interval; flagged when the"
            + " interval excludes the price given.",
        "Exit status: 0 done, 2 bad arguments or no such model."
      })
  static final class Drift implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "ID", description = "the model (default: the champion)")
    Long model;

    @Mixin WindowOptions window;

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
                    InstantParameter.parse("--since", window.since, context.bean(Clock.class)),
                    InstantParameter.parse("--until", window.until, context.bean(Clock.class)));
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
        out.printf(
            Locale.ROOT,
            "  flagged only when p < %s and PSI >= %s; grade levels from %d sales, flagged when"
                + " the 90%% interval excludes the price given%n",
            r.significance(),
            r.minPsi(),
            r.minSegmentSales());
        for (DriftReport.FeatureDrift f : r.features()) {
          line(out, f);
        }
        line(out, r.predictedPrice());
        for (DriftReport.SegmentDrift s : r.sales()) {
          out.printf(
              Locale.ROOT,
              "  %-18s %-40s %s%s%n",
              s.feature() + " " + s.level(),
              MonitoringText.ratio(s, r.minSegmentSales()),
              s.label(),
              s.medianRatio() == null
                  ? ""
                  : String.format(Locale.ROOT, " (median %.3fx the price)", s.medianRatio()));
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
          "  %-18s %6d values %s  %s  %s%s%n",
          f.feature().equals("price") ? "predicted price" : f.feature(),
          f.n(),
          f.psi() == null ? "PSI -    " : String.format(Locale.ROOT, "PSI %.3f", f.psi()),
          MonitoringText.p(f.pValue()),
          f.label(),
          f.unseen().isEmpty() ? "" : ", unseen: " + String.join(", ", f.unseen()));
    }
  }
}
