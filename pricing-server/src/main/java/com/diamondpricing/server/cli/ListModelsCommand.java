package com.diamondpricing.server.cli;

import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code diamonds models list}: every model, newest first, the champion marked. */
@Command(
    name = "list",
    description = "List every model, newest first; the champion is marked with *.")
final class ListModelsCommand extends RegistryCommand {

  @Option(names = "--json", description = "print one JSON array of the models")
  boolean json;

  @Override
  int run(ModelRegistry registry) {
    List<ModelEntry> models = registry.list();
    Optional<Long> champion = registry.aliasTarget(ModelRegistry.CHAMPION);
    if (json) {
      out.println(
          CliJson.write(
              models.stream()
                  .map(e -> CliJson.ModelSummary.of(e, isChampion(champion, e)))
                  .toList()));
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
      out.printf(
          Locale.ROOT,
          "%s %5d  %-10s %7d  %-20s  %10.2f  %9.6f  %,8d%n",
          isChampion(champion, e) ? "*" : " ",
          e.id(),
          e.type(),
          e.version(),
          ModelText.when(e.createdAt()),
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

  private static boolean isChampion(Optional<Long> champion, ModelEntry e) {
    return champion.isPresent() && champion.get() == e.id();
  }
}
