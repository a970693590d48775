package com.diamondpricing.server.cli;

import com.diamondpricing.model.xgboost.XgboostTraining;
import com.diamondpricing.server.sparkjobs.SparkRun;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where {@code diamonds train} trains: in this process ({@code --engine local}) or on a Spark
 * cluster ({@code --engine spark --master URL [--workers N]}). Options that do not fit the engine
 * are bad arguments (exit 2).
 */
final class EngineOptions {

  private static final List<String> ENGINES = List.of("local", "spark");

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "where the models train: local (this process, the default) or spark (the XGBoost types,"
              + " on a Spark cluster that reads the same file)")
  String engine = "local";

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master URL, with --engine spark: local[N], spark://HOST:PORT, yarn, ..."
              + " (default: local[*])")
  String master;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "XGBoost workers on the cluster, with --engine spark (default: 2)")
  Integer workers;

  /**
   * Where to train on Spark, or null to train here.
   *
   * @param data the file, as the cluster reads it
   * @param append whether the file is to be appended to the current data
   * @param models the model types asked for, or null
   */
  SparkRun spark(CommandSpec spec, Path data, boolean append, List<String> models) {
    if (!ENGINES.contains(engine)) {
      throw refused(spec, "--engine must be local or spark, not " + engine);
    }
    if (engine.equals("local")) {
      if (master != null || workers != null) {
        throw refused(spec, (master != null ? "--master" : "--workers") + " needs --engine spark");
      }
      return null;
    }
    if (append) {
      throw refused(
          spec,
          "--append: the Spark engine trains on the file as it is; store it with --append"
              + " first, or train on it alone");
    }
    if (models != null && !XgboostTraining.typeNames().containsAll(models)) {
      throw refused(
          spec,
          "--models: the Spark engine trains "
              + String.join(", ", XgboostTraining.typeNames())
              + " only");
    }
    if (workers != null && workers < 1) {
      throw refused(spec, "--workers must be at least 1, not " + workers);
    }
    return new SparkRun(
        master == null ? "local[*]" : master,
        workers == null ? 2 : workers,
        data.toAbsolutePath().normalize().toString());
  }

  private static CommandLine.ParameterException refused(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
