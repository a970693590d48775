package com.diamondpricing.server.cli;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.server.registry.InvalidChoiceProblem;
import com.diamondpricing.server.registry.ModelChoice;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Model types and trial counts from the command line, read by the same rule as the API's ({@link
 * ModelChoice}) before any database is opened. A refusal is a bad argument (exit 2) naming the
 * option and, for a model type, the allowed values.
 */
final class ChoiceOptions {

  private final CommandSpec spec;
  private final ModelTypes types;
  private final ModelChoice choice;

  ChoiceOptions(CommandSpec spec) {
    this.spec = spec;
    this.types = ModelTypes.discover();
    this.choice = new ModelChoice(types);
  }

  /** The registered types named by {@code option}; every type when it names none. */
  List<String> models(String option, List<String> requested) {
    try {
      return choice.models(requested);
    } catch (InvalidChoiceProblem e) {
      throw refused(option, e);
    }
  }

  /** The registered type named by {@code option}. */
  ModelType model(String option, String requested) {
    try {
      return types.get(choice.model(requested));
    } catch (InvalidChoiceProblem e) {
      throw refused(option, e);
    }
  }

  /** The feature set named by {@code option}, one the type trains. */
  FeatureSet featureSet(String option, String requested, ModelType type) {
    try {
      return ModelChoice.featureSet(option, requested, type);
    } catch (InvalidChoiceProblem e) {
      throw refused(option, e);
    }
  }

  /** The feature set named by {@code option}, any of them. */
  FeatureSet featureSetName(String option, String requested) {
    try {
      return FeatureSet.of(requested);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          option
              + ": unknown feature set; allowed values: "
              + String.join(", ", FeatureSet.labels()));
    }
  }

  /** The trial count given to {@code option}, or null when it was not given. */
  Integer trials(String option, Integer requested) {
    try {
      return requested == null ? null : ModelChoice.trials(requested);
    } catch (InvalidChoiceProblem e) {
      throw refused(option, e);
    }
  }

  private CommandLine.ParameterException refused(String option, InvalidChoiceProblem e) {
    return new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
  }
}
