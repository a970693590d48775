package com.diamondpricing.server.cli;

import com.diamondpricing.model.Provenance;
import com.diamondpricing.server.feedback.LiveAccuracies;
import com.diamondpricing.server.feedback.LiveAccuracyView;
import com.diamondpricing.server.registry.CoverageView;
import com.diamondpricing.server.registry.IntervalView;
import com.diamondpricing.server.registry.MetricsView;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelParameters;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.registry.ProvenanceView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diamonds models show ID}: one model with its provenance and its best tuning trials. */
@Command(
    name = "show",
    description =
        "Show one model: metrics, parameters, validation, libraries, provenance and its best"
            + " tuning trials.")
final class ShowModelCommand extends RegistryCommand {

  static final int BEST_TRIALS_SHOWN = 5;

  @Parameters(paramLabel = "ID", description = "the model's id (see models list)")
  long id;

  @Option(
      names = "--json",
      description = "print one JSON object with everything, the full trial history included")
  boolean json;

  /**
   * The {@code --json} document: the model as {@code models list --json} prints it, and its
   * provenance.
   *
   * @param model the model's registry entry
   * @param parameters the parameters of the final fit
   * @param validation metrics on the validation split, or null when the type has none
   * @param libraries library versions
   * @param artifactMediaType the media type of its artifact
   * @param dataHash the training data's content hash
   * @param seed the seed
   * @param trainedAt when it was fitted
   * @param trialCount how many tuning trials ran
   * @param trialStates how many trials ended in each state
   * @param bestTrials the best complete trials, best first
   * @param trials every trial, oldest first
   * @param intervals its 80% and 90% intervals with their test coverage
   * @param outOfFoldCoverage how its served ranges covered every row out of fold, per segment
   * @param testCoverage how its evaluation fit's ranges covered the test rows, per segment
   * @param live its accuracy on the stones it priced that sold in the last 30 days
   */
  record Shown(
      @JsonUnwrapped CliJson.ModelSummary model,
      ModelParameters parameters,
      MetricsView validation,
      Map<String, String> libraries,
      String artifactMediaType,
      String dataHash,
      long seed,
      String trainedAt,
      int trialCount,
      Map<String, Integer> trialStates,
      List<ProvenanceView.Trial> bestTrials,
      List<ProvenanceView.Trial> trials,
      List<IntervalView> intervals,
      CoverageView outOfFoldCoverage,
      CoverageView testCoverage,
      LiveAccuracyView live) {}

  @Override
  int run(ModelRegistry registry) {
    ModelEntry e = registry.get(id);
    boolean champion = registry.isChampion(e);
    ProvenanceView p = ProvenanceView.of(e.provenance());
    List<ProvenanceView.Trial> best = best(p.trials());
    LiveAccuracyView live = context.bean(LiveAccuracies.class).of(e.id(), null, null);
    if (json) {
      out.println(
          CliJson.write(
              new Shown(
                  CliJson.ModelSummary.of(e, champion),
                  p.parameters(),
                  p.validation(),
                  p.libraries(),
                  e.artifactMediaType(),
                  p.dataHash(),
                  p.seed(),
                  CliJson.time(p.trainedAt()),
                  p.trials().size(),
                  states(p.trials()),
                  best,
                  p.trials(),
                  IntervalView.of(e),
                  CoverageView.of(e.outOfFoldCoverage()),
                  CoverageView.of(e.testCoverageReport()),
                  live)));
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "Model %d: %s v%d, %s features%s%n",
        e.id(),
        e.type(),
        e.version(),
        e.featureSet().label(),
        champion ? " (champion of its feature set)" : "");
    row("created", ModelText.when(e.createdAt()));
    row(
        "trained by",
        (e.runId() == null ? "no run" : "run " + e.runId())
            + String.format(
                Locale.ROOT, " in %.1f s, on snapshot %d", e.trainingSeconds(), e.snapshotId()));
    Provenance provenance = e.provenance();
    row(
        "provenance",
        "data hash "
            + provenance.dataHash()
            + ", seed "
            + provenance.seed()
            + ", trained at "
            + ModelText.when(provenance.trainedAt()));
    row(
        "rows",
        String.format(
            Locale.ROOT,
            "evaluated: fitted on %,d training rows, scored on %,d test rows; served: %s",
            e.nTrain(),
            e.nTest(),
            e.servedRows() == null
                ? "that fit"
                : String.format(Locale.ROOT, "refitted on every row (%,d)", e.servedRows())));
    row("test", ModelText.metrics(e.test()));
    row("validation", p.validation() == null ? "none" : validation(p.validation()));
    row("intervals", intervals(IntervalView.of(e)));
    row("live", live(live));
    if (e.outOfFoldCoverage() != null) {
      out.println("  coverage by segment:");
      CoverageLines.segments(out, e.outOfFoldCoverage(), e.testCoverageReport());
    }
    row("parameters", ModelText.entries(p.parameters().values()));
    row("libraries", ModelText.entries(p.libraries()));
    row("artifact", e.artifactMediaType());
    if (p.trials().isEmpty()) {
      row("tuning", "none (this type does not tune)");
      return 0;
    }
    row("tuning", p.trials().size() + " trials: " + ModelText.entries(states(p.trials())));
    out.println("  best trials:");
    for (ProvenanceView.Trial t : best) {
      out.printf(
          Locale.ROOT,
          "    #%-4s validation MAE %10.2f  %6.1f s  %s%n",
          t.number(),
          t.validationMae(),
          t.seconds(),
          ModelText.entries(t.params().values()));
    }
    return 0;
  }

  /** "80%: price x/÷ 1.23 (test coverage 81.2%), 90%: ...", or why there are none. */
  private static String intervals(List<IntervalView> intervals) {
    if (intervals.isEmpty()) {
      return "none (trained before intervals were calibrated)";
    }
    List<String> parts = new java.util.ArrayList<>();
    for (IntervalView i : intervals) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%.0f%%: price x/÷ %.3f (test coverage %s)",
              i.level() * 100,
              Math.exp(i.logHalfWidth()),
              i.testCoverage() == null
                  ? "not measured"
                  : String.format(Locale.ROOT, "%.1f%%", i.testCoverage() * 100)));
    }
    return String.join(", ", parts);
  }

  /** "412 sales since ...: MAE 351.20 (1.05 x test), median 190.50, ...", or not enough. */
  private static String live(LiveAccuracyView v) {
    String window = "sold " + v.since() + " to " + v.until();
    if (!v.enough()) {
      return v.message() + ", " + window;
    }
    return String.format(
            Locale.ROOT,
            "%d sales %s: MAE %.2f (%.2f x test), median %.2f, MAPE %.1f%%, bias %+.2f (%s),"
                + " coverage %s / %s",
            v.n(),
            window,
            v.mae(),
            v.maeToTestMae(),
            v.medianAbsoluteError(),
            v.mape() * 100,
            v.bias(),
            v.relativeBias() == null
                ? "-"
                : String.format(Locale.ROOT, "%+.1f%%", v.relativeBias() * 100),
            v.coverage80() == null
                ? "-"
                : String.format(Locale.ROOT, "%.1f%%", v.coverage80() * 100),
            v.coverage90() == null
                ? "-"
                : String.format(Locale.ROOT, "%.1f%%", v.coverage90() * 100))
        + v.checks().stream()
            .map(
                c ->
                    System.lineSeparator()
                        + " ".repeat(15)
                        + MonitoringText.figure(c)
                        + ": "
                        + MonitoringText.check(c))
            .collect(java.util.stream.Collectors.joining());
  }

  private void row(String label, String value) {
    out.printf(Locale.ROOT, "  %-12s %s%n", label, value);
  }

  private static String validation(MetricsView v) {
    return ModelText.metrics(v.r2(), v.mae(), v.rmse(), v.mape());
  }

  /** How many trials ended in each state, in the order the states first occur. */
  private static Map<String, Integer> states(List<ProvenanceView.Trial> trials) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ProvenanceView.Trial t : trials) {
      counts.merge(String.valueOf(t.state()), 1, Integer::sum);
    }
    return counts;
  }

  /** The best complete trials, best first. */
  private static List<ProvenanceView.Trial> best(List<ProvenanceView.Trial> trials) {
    return trials.stream()
        .filter(t -> "COMPLETE".equals(t.state()) && t.validationMae() != null)
        .sorted(Comparator.comparingDouble(ProvenanceView.Trial::validationMae))
        .limit(BEST_TRIALS_SHOWN)
        .toList();
  }
}
