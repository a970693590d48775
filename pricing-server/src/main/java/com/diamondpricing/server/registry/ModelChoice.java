package com.diamondpricing.server.registry;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.ModelTypes;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one rule for the model types and the tuning trials a run or an evaluation asks for, the same
 * for the API, the command line and the pipeline:
 *
 * <ul>
 *   <li>a model type name is trimmed and matched against the registered {@link ModelTypes} names
 *       without regard to case, and stands for the registered name ({@code Linear} is {@code
 *       linear}); blank names and repeats are dropped; no name at all means every registered type;
 *       an unknown name is refused, naming the allowed values;
 *   <li>trials are between {@value #MIN_TRIALS} and {@value #MAX_TRIALS}.
 * </ul>
 *
 * Refusals are {@link InvalidChoiceProblem}s.
 */
@Component
public final class ModelChoice {

  public static final int MIN_TRIALS = 1;
  public static final int MAX_TRIALS = 10_000;

  /** The longest part of a refused name that a message repeats. */
  static final int MAX_ECHOED = 40;

  private final List<String> names;
  private final Map<String, String> byLowerCase = new LinkedHashMap<>();

  public ModelChoice(ModelTypes types) {
    this.names = types.names();
    for (String name : names) {
      byLowerCase.put(name.toLowerCase(Locale.ROOT), name);
    }
  }

  /** The registered names, sorted: the allowed values. */
  public List<String> names() {
    return names;
  }

  /**
   * The registered types a list of names asks for, in the order first named.
   *
   * @param requested the names as given; null, empty or only blanks for every registered type
   * @throws InvalidChoiceProblem (field {@code models}) for a name that is not registered
   */
  public List<String> models(List<String> requested) {
    if (requested == null) {
      return names;
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String name : requested) {
      if (name != null && !name.isBlank()) {
        chosen.add(registered("models", name));
      }
    }
    return chosen.isEmpty() ? names : List.copyOf(chosen);
  }

  /**
   * The registered type one name asks for.
   *
   * @throws InvalidChoiceProblem (field {@code model}) for a blank or unregistered name
   */
  public String model(String requested) {
    if (requested == null || requested.isBlank()) {
      throw new InvalidChoiceProblem(
          "model", "a model type is required; allowed values: " + allowed(), names);
    }
    return registered("model", requested);
  }

  /**
   * A trial count, when it is between {@value #MIN_TRIALS} and {@value #MAX_TRIALS}.
   *
   * @throws InvalidChoiceProblem (field {@code trials}) otherwise
   */
  public static int trials(int requested) {
    if (requested < MIN_TRIALS || requested > MAX_TRIALS) {
      throw new InvalidChoiceProblem(
          "trials",
          "trials must be between " + MIN_TRIALS + " and " + MAX_TRIALS + ", not " + requested,
          List.of());
    }
    return requested;
  }

  /**
   * The feature set a name asks for ({@link FeatureSet#label()}, trimmed, whatever its case), among
   * those the type trains.
   *
   * @param field the field the name came in, named by a refusal
   * @throws InvalidChoiceProblem for a blank or unknown name, or one the type trains no model of
   */
  public static FeatureSet featureSet(String field, String requested, ModelType type) {
    List<String> allowed = type.featureSets().stream().map(FeatureSet::label).toList();
    FeatureSet set;
    try {
      set = FeatureSet.of(requested);
    } catch (IllegalArgumentException e) {
      throw new InvalidChoiceProblem(
          field,
          "unknown feature set '"
              + cut(requested == null ? "" : requested.strip())
              + "'; allowed values: "
              + String.join(", ", allowed),
          allowed);
    }
    if (!type.featureSets().contains(set)) {
      throw new InvalidChoiceProblem(
          field,
          type.name()
              + " trains no model of the feature set "
              + set.label()
              + "; allowed values: "
              + String.join(", ", allowed),
          allowed);
    }
    return set;
  }

  private String registered(String field, String requested) {
    String name = requested.strip();
    String found = byLowerCase.get(name.toLowerCase(Locale.ROOT));
    if (found == null) {
      throw new InvalidChoiceProblem(
          field, "unknown model type '" + cut(name) + "'; allowed values: " + allowed(), names);
    }
    return found;
  }

  private String allowed() {
    return String.join(", ", names);
  }

  private static String cut(String s) {
    return s.length() <= MAX_ECHOED ? s : s.substring(0, MAX_ECHOED - 3) + "...";
  }
}
