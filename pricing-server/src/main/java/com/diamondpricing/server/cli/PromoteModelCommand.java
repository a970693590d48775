package com.diamondpricing.server.cli;

import com.diamondpricing.server.registry.AliasChange;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diamonds models promote ID}: makes a model the champion, recording why. */
@Command(
    name = "promote",
    description =
        "Make a model the champion (the model that serves prices); the move is recorded with"
            + " its reason.")
final class PromoteModelCommand extends RegistryCommand {

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

  /**
   * The {@code --json} document.
   *
   * @param champion the champion now
   * @param previous the champion before, or null
   * @param changed whether the champion moved
   * @param reason the recorded reason, or null when nothing changed
   */
  record Promotion(long champion, Long previous, boolean changed, String reason) {}

  @Override
  void check() {
    if (reason.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--reason must not be blank");
    }
  }

  @Override
  int run(ModelRegistry registry) {
    ModelEntry e = registry.get(id);
    Optional<Long> before = registry.aliasTarget(ModelRegistry.championAlias(e.featureSet()));
    Optional<AliasChange> change = registry.promote(e.id(), reason, "cli");
    if (json) {
      out.println(
          CliJson.write(
              new Promotion(
                  e.id(),
                  before.orElse(null),
                  change.isPresent(),
                  change.map(AliasChange::reason).orElse(null))));
      return 0;
    }
    if (change.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "Model %s is already the champion of %s features; nothing changed.%n",
          ModelText.label(e),
          e.featureSet().label());
    } else {
      out.printf(
          Locale.ROOT,
          "Model %s is now the champion of %s features (was %s).%n",
          ModelText.label(e),
          e.featureSet().label(),
          before.map(b -> ModelText.label(registry, b)).orElse("none"));
    }
    return 0;
  }
}
