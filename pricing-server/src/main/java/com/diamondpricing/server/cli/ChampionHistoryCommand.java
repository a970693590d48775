package com.diamondpricing.server.cli;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.server.registry.AliasChange;
import com.diamondpricing.server.registry.ModelRegistry;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code diamonds models history}: every move of a feature set's champion, oldest first. */
@Command(
    name = "history",
    description =
        "Every change of a feature set's champion (all by default), oldest first: when, from, to,"
            + " why.")
final class ChampionHistoryCommand extends RegistryCommand {

  @Option(names = "--json", description = "print one JSON array of the changes")
  boolean json;

  @Option(
      names = "--features",
      defaultValue = "all",
      paramLabel = "SET",
      description = "whose champion: all or four-cs (default: ${DEFAULT-VALUE})")
  String features;

  /**
   * One move as {@code --json} prints it.
   *
   * @param id the move's id
   * @param alias the alias that moved
   * @param changedAt when
   * @param from the model it pointed at before, or null
   * @param to the model it points at since
   * @param reason why
   * @param fromModel the label of {@code from}, or null
   * @param toModel the label of {@code to}
   */
  record Move(
      long id,
      String alias,
      String changedAt,
      Long from,
      long to,
      String reason,
      String fromModel,
      String toModel) {}

  @Override
  int run(ModelRegistry registry) {
    FeatureSet set = new ChoiceOptions(spec).featureSetName("--features", features);
    List<AliasChange> changes = registry.history(ModelRegistry.championAlias(set));
    if (json) {
      out.println(CliJson.write(changes.stream().map(c -> move(registry, c)).toList()));
      return 0;
    }
    if (changes.isEmpty()) {
      out.println(
          "The champion of "
              + set.label()
              + " features has never changed: no model has been promoted yet.");
      return 0;
    }
    out.printf(Locale.ROOT, "%-20s  %-18s  %-18s  %s%n", "when", "from", "to", "why");
    for (AliasChange c : changes) {
      out.printf(
          Locale.ROOT,
          "%-20s  %-18s  %-18s  %s%n",
          ModelText.when(c.changedAt()),
          c.fromModelId() == null ? "-" : ModelText.label(registry, c.fromModelId()),
          ModelText.label(registry, c.toModelId()),
          c.reason());
    }
    return 0;
  }

  private static Move move(ModelRegistry registry, AliasChange c) {
    return new Move(
        c.id(),
        c.alias(),
        CliJson.time(c.changedAt()),
        c.fromModelId(),
        c.toModelId(),
        c.reason(),
        c.fromModelId() == null ? null : ModelText.label(registry, c.fromModelId()),
        ModelText.label(registry, c.toModelId()));
  }
}
