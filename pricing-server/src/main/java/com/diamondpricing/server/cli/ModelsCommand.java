package com.diamondpricing.server.cli;

import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.LoadedDataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.registry.AliasChange;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelNotFoundException;
import com.diamondpricing.server.registry.ModelRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diamonds models}: the model registry: list, show, promote, history, export, predict. */
@Command(
    name = "models",
    description = {
      "The model registry: every model ever trained, and the champion that serves prices.",
      "Exit status: 0 done, 2 bad arguments or unknown model id, 3 data rejected (predict)."
    },
    subcommands = {
      ModelsCommand.ListModels.class,
      ModelsCommand.Show.class,
      ModelsCommand.Promote.class,
      ModelsCommand.History.class,
      ModelsCommand.Export.class,
      ModelsCommand.Predict.class
    })
final class ModelsCommand implements Runnable {

  static final int UNKNOWN_ID = 2;
  static final int DATA_REJECTED = 3;
  static final int BEST_TRIALS_SHOWN = 5;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin HelpOption help;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a subcommand is required: list, show, promote, history, export, predict");
  }

  /** What every subcommand shares: the state folder, the writers, unknown ids as exit 2. */
  abstract static class Base implements Callable<Integer> {

    @Mixin HomeOption home;

    @Mixin HelpOption help;

    @Spec CommandLine.Model.CommandSpec spec;

    PrintWriter out;
    PrintWriter err;

    @Override
    public final Integer call() throws Exception {
      out = spec.commandLine().getOut();
      err = spec.commandLine().getErr();
      check();
      try (CliContext context = home.start()) {
        return run(context.bean(ModelRegistry.class));
      } catch (ModelNotFoundException e) {
        err.println(
            spec.qualifiedName() + ": " + e.getMessage() + " (diamonds models list shows them)");
        return UNKNOWN_ID;
      } finally {
        out.flush();
        err.flush();
      }
    }

    /** Checks the arguments before the database is opened. */
    void check() {}

    abstract int run(ModelRegistry registry) throws Exception;
  }

  @Command(
      name = "list",
      description = "List every model, newest first; the champion is marked with *.")
  static final class ListModels extends Base {

    @Option(names = "--json", description = "print one JSON array of the models")
    boolean json;

    @Override
    int run(ModelRegistry registry) {
      List<ModelEntry> models = registry.list();
      Optional<Long> champion = registry.aliasTarget(ModelRegistry.CHAMPION);
      if (json) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ModelEntry e : models) {
          list.add(CliJson.summary(e, champion.isPresent() && champion.get() == e.id()));
        }
        out.println(CliJson.write(list));
        return 0;
      }
      if (models.isEmpty()) {
        out.println("No models yet: diamonds train --data FILE trains some.");
        return 0;
      }
      out.printf(
          Locale.ROOT,
          "  %5s  %-10s %7s  %-20s  %10s  %9s  %8s%n",
          "id",
          "type",
          "version",
          "created",
          "test MAE",
          "test R2",
          "n_train");
      for (ModelEntry e : models) {
        boolean isChampion = champion.isPresent() && champion.get() == e.id();
        out.printf(
            Locale.ROOT,
            "%s %5d  %-10s %7d  %-20s  %10.2f  %9.6f  %,8d%n",
            isChampion ? "*" : " ",
            e.id(),
            e.type(),
            e.version(),
            when(e.createdAt()),
            e.test().mae(),
            e.test().r2(),
            e.nTrain());
      }
      out.println(
          champion.isPresent()
              ? "* champion (serves prices)"
              : "No champion yet: diamonds models promote ID chooses one.");
      return 0;
    }
  }

  @Command(
      name = "show",
      description =
          "Show one model: metrics, parameters, validation, libraries, provenance and its best"
              + " tuning trials.")
  static final class Show extends Base {

    @Parameters(paramLabel = "ID", description = "the model's id (see models list)")
    long id;

    @Option(
        names = "--json",
        description = "print one JSON object with everything, the full trial history included")
    boolean json;

    @Override
    int run(ModelRegistry registry) {
      ModelEntry e = registry.get(id);
      boolean champion = registry.aliasTarget(ModelRegistry.CHAMPION).orElse(-1L) == e.id();
      List<Map<String, Object>> trials = trials(e);
      List<Map<String, Object>> best = bestTrials(trials);
      if (json) {
        Map<String, Object> j = CliJson.summary(e, champion);
        j.put("parameters", e.parameters());
        j.put("validation", e.validation());
        j.put("libraries", e.libraries());
        j.put("artifactMediaType", e.artifactMediaType());
        j.put("dataHash", e.provenance() == null ? null : e.provenance().get("dataHash"));
        j.put("seed", e.provenance() == null ? null : e.provenance().get("seed"));
        j.put("trainedAt", e.provenance() == null ? null : e.provenance().get("trainedAt"));
        j.put("trialCount", trials.size());
        j.put("trialStates", states(trials));
        j.put("bestTrials", best);
        j.put("trials", trials);
        out.println(CliJson.write(j));
        return 0;
      }
      out.printf(
          Locale.ROOT,
          "Model %d: %s v%d%s%n",
          e.id(),
          e.type(),
          e.version(),
          champion ? " (champion)" : "");
      row("created", when(e.createdAt()));
      row(
          "trained by",
          (e.runId() == null ? "no run" : "run " + e.runId())
              + String.format(
                  Locale.ROOT, " in %.1f s, on snapshot %d", e.trainingSeconds(), e.snapshotId()));
      if (e.provenance() != null) {
        row(
            "provenance",
            "data hash "
                + e.provenance().get("dataHash")
                + ", seed "
                + e.provenance().get("seed")
                + ", trained at "
                + e.provenance().get("trainedAt"));
      }
      row("rows", String.format(Locale.ROOT, "%,d training, %,d test", e.nTrain(), e.nTest()));
      row("test", metrics(e.test()));
      row("validation", e.validation() == null ? "none" : mapText(e.validation()));
      row("parameters", mapText(e.parameters()));
      row("libraries", mapText(e.libraries()));
      row("artifact", e.artifactMediaType());
      if (trials.isEmpty()) {
        row("tuning", "none (this type does not tune)");
      } else {
        row("tuning", trials.size() + " trials: " + mapText(states(trials)));
        out.println("  best trials:");
        for (Map<String, Object> t : best) {
          out.printf(
              Locale.ROOT,
              "    #%-4s validation MAE %10.2f  %6.1f s  %s%n",
              t.get("number"),
              ((Number) t.get("validationMae")).doubleValue(),
              t.get("seconds") instanceof Number n ? n.doubleValue() : Double.NaN,
              t.get("params") instanceof Map<?, ?> m ? mapText(new TreeMap<>(m)) : "");
        }
      }
      return 0;
    }

    private void row(String label, String value) {
      out.printf(Locale.ROOT, "  %-12s %s%n", label, value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> trials(ModelEntry e) {
      Object t = e.provenance() == null ? null : e.provenance().get("trials");
      return t instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static Map<String, Object> states(List<Map<String, Object>> trials) {
      Map<String, Object> counts = new LinkedHashMap<>();
      for (Map<String, Object> t : trials) {
        counts.merge(String.valueOf(t.get("state")), 1, (a, b) -> (Integer) a + (Integer) b);
      }
      return counts;
    }

    private static List<Map<String, Object>> bestTrials(List<Map<String, Object>> trials) {
      return trials.stream()
          .filter(t -> "COMPLETE".equals(t.get("state")) && t.get("validationMae") != null)
          .sorted(Comparator.comparingDouble(t -> ((Number) t.get("validationMae")).doubleValue()))
          .limit(BEST_TRIALS_SHOWN)
          .toList();
    }
  }

  @Command(
      name = "promote",
      description =
          "Make a model the champion (the model that serves prices); the move is recorded with"
              + " its reason.")
  static final class Promote extends Base {

    @Parameters(paramLabel = "ID", description = "the model's id (see models list)")
    long id;

    @Option(
        names = "--reason",
        paramLabel = "TEXT",
        defaultValue = "promoted by hand (diamonds models promote)",
        description = "why, kept in the history (default: ${DEFAULT-VALUE})")
    String reason;

    @Option(names = "--json", description = "print one JSON object: champion, previous, changed")
    boolean json;

    @Override
    void check() {
      if (reason.isBlank()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--reason must not be blank");
      }
    }

    @Override
    int run(ModelRegistry registry) {
      ModelEntry e = registry.get(id);
      Optional<Long> before = registry.aliasTarget(ModelRegistry.CHAMPION);
      Optional<AliasChange> change = registry.moveAlias(ModelRegistry.CHAMPION, e.id(), reason);
      if (json) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("champion", e.id());
        j.put("previous", before.orElse(null));
        j.put("changed", change.isPresent());
        j.put("reason", change.map(AliasChange::reason).orElse(null));
        out.println(CliJson.write(j));
        return 0;
      }
      if (change.isEmpty()) {
        out.printf(Locale.ROOT, "Model %s is already the champion; nothing changed.%n", label(e));
      } else {
        out.printf(
            Locale.ROOT,
            "Model %s is now the champion (was %s).%n",
            label(e),
            before.map(b -> label(registry, b)).orElse("none"));
      }
      return 0;
    }
  }

  @Command(
      name = "history",
      description = "Every change of the champion, oldest first: when, from, to, why.")
  static final class History extends Base {

    @Option(names = "--json", description = "print one JSON array of the changes")
    boolean json;

    @Override
    int run(ModelRegistry registry) {
      List<AliasChange> changes = registry.history(ModelRegistry.CHAMPION);
      if (json) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (AliasChange c : changes) {
          Map<String, Object> j = CliJson.aliasChange(c);
          j.put("fromModel", c.fromModelId() == null ? null : label(registry, c.fromModelId()));
          j.put("toModel", label(registry, c.toModelId()));
          list.add(j);
        }
        out.println(CliJson.write(list));
        return 0;
      }
      if (changes.isEmpty()) {
        out.println("The champion has never changed: no model has been promoted yet.");
        return 0;
      }
      out.printf(Locale.ROOT, "%-20s  %-18s  %-18s  %s%n", "when", "from", "to", "why");
      for (AliasChange c : changes) {
        out.printf(
            Locale.ROOT,
            "%-20s  %-18s  %-18s  %s%n",
            when(c.changedAt()),
            c.fromModelId() == null ? "-" : label(registry, c.fromModelId()),
            label(registry, c.toModelId()),
            c.reason());
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      description =
          "Write a model's stored artifact to a file (XGBoost's own JSON for xgboost, readable by"
              + " XGBoost 1.7 and later; JSON coefficients for linear).")
  static final class Export extends Base {

    @Parameters(index = "0", paramLabel = "ID", description = "the model's id (see models list)")
    long id;

    @Parameters(index = "1", paramLabel = "FILE", description = "where to write it (replaced)")
    Path file;

    @Override
    int run(ModelRegistry registry) throws IOException {
      ModelEntry e = registry.get(id);
      byte[] bytes = registry.artifact(e.id());
      Path target = file.toAbsolutePath().normalize();
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      Files.write(target, bytes);
      out.printf(
          Locale.ROOT,
          "Wrote model %d (%s v%d, %s, %,d bytes) to %s%n",
          e.id(),
          e.type(),
          e.version(),
          e.artifactMediaType(),
          bytes.length,
          target);
      return 0;
    }
  }

  @Command(
      name = "predict",
      description = {
        "Price every usable row of a CSV file with a stored model (the file is cleaned as for"
            + " training; nothing is stored).",
        "Prints CSV (the features, price and predicted_price), or with --json one object with"
            + " the actual prices and the predictions in file order."
      })
  static final class Predict extends Base {

    @Parameters(paramLabel = "ID", description = "the model's id (see models list)")
    long id;

    @Option(
        names = "--data",
        required = true,
        paramLabel = "FILE",
        description = "CSV file with the columns carat,cut,color,clarity,depth,table,price,x,y,z")
    Path data;

    @Option(
        names = "--json",
        description = "print one JSON object: modelId, type, version, rows, prices, predictions")
    boolean json;

    @Override
    void check() {
      if (!Files.isRegularFile(data)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--data: no such file: " + data);
      }
    }

    @Override
    int run(ModelRegistry registry) throws Exception {
      ModelEntry e = registry.get(id);
      LoadedDataset loaded;
      try {
        loaded = new DiamondCsvReader().read(data);
      } catch (DatasetRejectedException ex) {
        err.print(ex.report().describe());
        return DATA_REJECTED;
      }
      var rows = loaded.dataset();
      double[] predictions;
      try (TrainedModel model = load(e, registry.artifact(e.id()))) {
        predictions = model.predict(rows);
      }
      if (json) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("modelId", e.id());
        j.put("type", e.type());
        j.put("version", e.version());
        j.put("rows", rows.size());
        j.put("prices", rows.prices());
        j.put("predictions", predictions);
        out.println(CliJson.write(j));
        return 0;
      }
      err.print(loaded.report().describe());
      out.println("carat,cut,color,clarity,depth,table,x,y,z,price,predicted_price");
      for (int i = 0; i < rows.size(); i++) {
        out.printf(
            Locale.ROOT,
            "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n",
            plain(rows.carat(i)),
            rows.cut(i).label(),
            rows.color(i).label(),
            rows.clarity(i).label(),
            plain(rows.depth(i)),
            plain(rows.table(i)),
            plain(rows.x(i)),
            plain(rows.y(i)),
            plain(rows.z(i)),
            plain(rows.price(i)),
            plain(predictions[i]));
      }
      return 0;
    }

    private static TrainedModel load(ModelEntry e, byte[] artifact) throws ModelLoadException {
      return ModelTypes.discover().get(e.type()).load(artifact);
    }

    private static String plain(double v) {
      if (Double.isNaN(v)) {
        return "";
      }
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
  }

  static String when(Instant t) {
    return t == null ? "-" : WHEN.format(t);
  }

  static String label(ModelEntry e) {
    return e.id() + " (" + e.type() + " v" + e.version() + ")";
  }

  static String label(ModelRegistry registry, long id) {
    return registry.find(id).map(ModelsCommand::label).orElse(id + " (deleted)");
  }

  static String metrics(Metrics m) {
    return String.format(
        Locale.ROOT,
        "R2 %.6f, MAE %.4f, RMSE %.4f, MAPE %.6f",
        m.r2(),
        m.mae(),
        m.rmse(),
        m.mape());
  }

  static String mapText(Map<?, ?> map) {
    return map.entrySet().stream()
        .map(en -> en.getKey() + "=" + en.getValue())
        .collect(Collectors.joining(", "));
  }
}
