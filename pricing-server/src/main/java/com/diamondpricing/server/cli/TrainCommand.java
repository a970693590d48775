package com.diamondpricing.server.cli;

import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.xgboost.XgboostTraining;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.dataset.IngestResult;
import com.diamondpricing.server.dataset.Snapshot;
import com.diamondpricing.server.sparkjobs.SparkJobs;
import com.diamondpricing.server.sparkjobs.SparkRun;
import com.diamondpricing.server.training.RunOutcome;
import com.diamondpricing.server.training.RunStatus;
import com.diamondpricing.server.training.RunVariants;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.TrainingRun;
import com.diamondpricing.server.training.Trigger;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diamonds train}: ingests a CSV file into the database (replacing or appending to the
 * current data) and runs the training pipeline on it at once: every model is split 80/20, fitted,
 * scored on the test rows, registered, and promoted to champion when it beats the champion. With
 * {@code --engine spark} the XGBoost types are fitted and scored on a Spark cluster that reads the
 * same file ({@link com.diamondpricing.server.sparkjobs.SparkJobs}); the rest is the same.
 */
@Command(
    name = "train",
    description = {
      "Store a CSV file as the current data (or append it to the current data) and train models on"
          + " it now: each model is registered and becomes the champion when it beats the"
          + " champion on the test rows.",
      "With --engine spark the XGBoost types train on a Spark cluster (--master) that reads the"
          + " same file: tuning on the driver, the final fit on the cluster's workers.",
      "Exit status: 0 succeeded, 2 bad arguments, 3 data rejected (nothing stored), 4 run failed."
    })
final class TrainCommand implements Callable<Integer> {

  static final int DATA_REJECTED = 3;
  static final int RUN_FAILED = 4;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "CSV file with the columns carat,cut,color,clarity,depth,table,price,x,y,z")
  Path data;

  @Option(
      names = "--append",
      description =
          "add the file's rows to the current data (default here: the file replaces it, and"
              + " says how many rows it replaced; POST /api/v1/training-runs and the runs page"
              + " add by default)")
  boolean append;

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "TYPE",
      description =
          "model types to train, comma-separated: ${COMPLETION-CANDIDATES} (default: all)",
      completionCandidates = ModelTypeNames.class)
  List<String> models;

  @Option(
      names = "--trials",
      paramLabel = "N",
      description =
          "tuning trials, for model types that tune (default: diamonds.training.trials, 100)")
  Integer trials;

  @Option(
      names = "--json",
      description =
          "end stdout with one JSON line: runId, engine, status, snapshotId, rows, models, error,"
              + " seconds;"
              + " the report and progress go to stderr")
  boolean json;

  @Mixin EngineOptions engine;

  @Mixin HomeOption home;

  @Mixin HelpOption help;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    ChoiceOptions choice = new ChoiceOptions(spec);
    List<String> types = choice.models("--models", models);
    choice.trials("--trials", trials);
    if (!Files.isRegularFile(data)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--data: no such file: " + data);
    }
    SparkRun spark = engine.spark(spec, data, append, models);
    if (spark != null && models == null) {
      types = XgboostTraining.typeNames();
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter info = json ? err : out;
    try (CliContext context = home.start()) {
      Optional<String> noSpark =
          spark == null ? Optional.empty() : context.bean(SparkJobs.class).unavailable();
      if (noSpark.isPresent()) {
        err.println("Cannot train on Spark: " + noSpark.get());
        err.println("Nothing was stored; the current data and models are unchanged.");
        err.flush();
        return RUN_FAILED;
      }
      IngestResult ingest;
      try (InputStream in = Files.newInputStream(data)) {
        ingest =
            context
                .bean(DatasetStore.class)
                .ingest(in, source(), append ? IngestMode.APPEND : IngestMode.REPLACE);
      } catch (DatasetRejectedException e) {
        err.print(e.report().describe());
        err.println("Nothing was stored; the current data and models are unchanged.");
        err.flush();
        return DATA_REJECTED;
      } catch (IOException e) {
        err.println("cannot read " + data + ": " + e.getMessage());
        err.flush();
        return DATA_REJECTED;
      }
      info.print(ingest.report().describe());
      info.println(describe(ingest));
      info.printf(
          Locale.ROOT,
          "Training %s%s%n",
          String.join(", ", types),
          spark == null
              ? ""
              : " on Spark (" + spark.master() + ", " + spark.workers() + " XGBoost workers)");
      info.flush();
      TrainingRun run;
      List<String> variants =
          RunVariants.names(context.bean(ModelTypes.class), types, spark != null);
      try (RunProgress progress = new RunProgress(variants, info, RunProgress.onTerminal())) {
        run =
            context
                .bean(TrainingPipeline.class)
                .runNow(
                    new TrainingPipeline.RunRequest(ingest.snapshot().id(), types, trials, spark),
                    Trigger.CLI,
                    progress);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      printSummary(info, run, ingest.snapshot(), seconds);
      info.flush();
      if (run.status() != RunStatus.SUCCEEDED) {
        err.printf(
            Locale.ROOT,
            "Training run %d %s: %s%n",
            run.id(),
            run.status().value(),
            run.error() == null ? "no reason recorded" : run.error().message());
        err.flush();
      }
      if (json) {
        out.println(CliJson.write(Summary.of(run, ingest, seconds)));
        out.flush();
      }
      return run.status() == RunStatus.SUCCEEDED ? 0 : RUN_FAILED;
    }
  }

  private String source() {
    Path name = data.getFileName();
    return name == null ? data.toString() : name.toString();
  }

  private String describe(IngestResult ingest) {
    Snapshot s = ingest.snapshot();
    if (ingest.reused()) {
      return String.format(
          Locale.ROOT,
          "Identical data are already stored: snapshot %d (%,d rows) is the current data again.",
          s.id(),
          s.rowsKept());
    }
    if (s.mode() == IngestMode.APPEND && s.parentId() != null) {
      return String.format(
          Locale.ROOT,
          "Appended %,d rows to snapshot %d: snapshot %d (%,d rows) is now the current data.",
          ingest.report().rowsKept(),
          s.parentId(),
          s.id(),
          s.rowsKept());
    }
    if (ingest.previousRows() > 0) {
      return String.format(
          Locale.ROOT,
          "Stored as snapshot %d (%,d rows), now the current data: it replaces the %,d rows before"
              + " (--append adds a file's rows to them instead).",
          s.id(),
          s.rowsKept(),
          ingest.previousRows());
    }
    return String.format(
        Locale.ROOT,
        "Stored as snapshot %d (%,d rows), now the current data.",
        s.id(),
        s.rowsKept());
  }

  private static void printSummary(
      PrintWriter info, TrainingRun run, Snapshot snapshot, double seconds) {
    info.printf(
        Locale.ROOT,
        "Training run %d %s in %.1f s on snapshot %d (%,d rows)%n",
        run.id(),
        run.status().value(),
        seconds,
        snapshot.id(),
        snapshot.rowsKept());
    List<RunOutcome> outcomes = run.outcomes();
    for (RunOutcome o : outcomes) {
      info.printf(
          Locale.ROOT,
          "  model %d: %s v%d (%s features), test MAE %.2f, R2 %.6f, %s%n",
          o.modelId(),
          o.type(),
          o.version(),
          o.featureSet(),
          o.testMae(),
          o.testR2(),
          o.existing()
              ? "registered before"
              : o.promoted() ? "promoted to champion" : "not promoted");
      info.printf(Locale.ROOT, "    %s%n", o.reason());
    }
    if (outcomes.size() < run.modelCount()) {
      info.printf(
          Locale.ROOT,
          "  not trained: %d of the %d models of %s%n",
          run.modelCount() - outcomes.size(),
          run.modelCount(),
          String.join(", ", run.modelTypes()));
    }
  }

  /**
   * The {@code --json} line.
   *
   * @param runId the run
   * @param engine where it trained: local or spark
   * @param status how it ended
   * @param snapshotId the snapshot it trained on
   * @param rows the snapshot's rows
   * @param reusedSnapshot whether identical rows were already stored
   * @param modelTypes the types it was to train
   * @param models what became of each model it trained
   * @param error why it failed, or null
   * @param errorCode the failure's code, or null
   * @param seconds how long the command took
   */
  record Summary(
      long runId,
      String engine,
      String status,
      long snapshotId,
      int rows,
      boolean reusedSnapshot,
      List<String> modelTypes,
      List<RunOutcome> models,
      String error,
      String errorCode,
      double seconds) {

    static Summary of(TrainingRun run, IngestResult ingest, double seconds) {
      return new Summary(
          run.id(),
          run.options().spark() == null ? "local" : "spark",
          run.status().value(),
          run.snapshotId(),
          ingest.snapshot().rowsKept(),
          ingest.reused(),
          run.modelTypes(),
          run.outcomes(),
          run.error() == null ? null : run.error().message(),
          run.error() == null ? null : run.error().code(),
          seconds);
    }
  }
}
