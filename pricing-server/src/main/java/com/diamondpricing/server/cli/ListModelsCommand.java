package com.diamondpricing.server.cli;

import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code diamonds models list}: every model, newest first, the champions marked. */
@Command(
    name = "list",
    description =
        "List every model, newest first, with the features it learned from (all, or four-cs);"
            + " each feature set's champion is marked with *.")
final class ListModelsCommand extends RegistryCommand {

  @Option(names = "--json", description = "print one JSON array of the models")
  boolean json;

  @Override
  int run(ModelRegistry registry) {
    List<ModelEntry> models = registry.list();
    Set<Long> champions = registry.championIds();
    if (json) {
      out.println(
          CliJson.write(
              models.stream()
                  .map(e -> CliJson.ModelSummary.of(e, champions.contains(e.id())))
                  .toList()));
      return 0;
    }
    if (models.isEmpty()) {
      out.println("No models yet: diamonds train --data FILE trains some.");
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "  %5s  %-11s %7s  %-8s  %-20s  %10s  %9s  %8s  %8s%n",
        "id",
        "type",
        "version",
        "features",
        "created",
        "test MAE",
        "test R2",
        "n_train",
        "served");
    for (ModelEntry e : models) {
      out.printf(
          Locale.ROOT,
          "%s %5d  %-11s %7d  %-8s  %-20s  %10.2f  %9.6f  %,8d  %8s%n",
          champions.contains(e.id()) ? "*" : " ",
          e.id(),
          e.type(),
          e.version(),
          e.featureSet().label(),
          ModelText.when(e.createdAt()),
          e.test().mae(),
          e.test().r2(),
          e.nTrain(),
          e.servedRows() == null ? "n_train" : String.format(Locale.ROOT, "%,d", e.servedRows()));
    }
    out.println(
        champions.isEmpty()
            ? "No champion yet: diamonds models promote ID chooses one."
            : "* champion of its feature set (serves prices: all for stones with every"
                + " measurement, four-cs for the others); served = rows the served model learned"
                + " from");
    return 0;
  }
}
