package com.diamondpricing.tuning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hyperparameters to tune, in insertion order. Built with {@link #builder()}:
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.builder()
 *     .logFloat("lambda", 1e-8, 1.0)
 *     .intRange("n_estimators", 100, 1000)
 *     .categorical("colsample_bytree", List.of(0.3, 0.4, 0.5, 0.7))
 *     .build();
 * }</pre>
 *
 * <p>The distributions and their validation follow Optuna's {@code FloatDistribution}, {@code
 * IntDistribution} and {@code CategoricalDistribution}: {@code low ≤ high}; a log scale needs
 * {@code low > 0} (float) or {@code low ≥ 1} (int); steps must be positive; when {@code high − low}
 * is not a multiple of the step, {@code high} is lowered to the last point of the grid (logged as a
 * warning); a categorical parameter needs at least one non-null choice; names must be unique.
 * Invalid definitions throw {@link IllegalArgumentException} from the builder method.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SearchSpace {

  private final List<ParameterSpec> parameters;

  private SearchSpace(List<ParameterSpec> parameters) {
    this.parameters = List.copyOf(parameters);
  }

  /** A builder for a search space; parameters keep the order in which they are added. */
  public static Builder builder() {
    return new Builder();
  }

  List<ParameterSpec> parameters() {
    return parameters;
  }

  int size() {
    return parameters.size();
  }

  @Override
  public String toString() {
    return "SearchSpace" + parameters;
  }

  /** Collects parameter definitions. Not thread-safe. */
  public static final class Builder {

    private final List<ParameterSpec> parameters = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private Builder() {}

    /** A float on a log scale in {@code [low, high]}; {@code low} must be positive. */
    public Builder logFloat(String name, double low, double high) {
      return add(FloatParameter.logScale(name, low, high));
    }

    /** A float on a linear scale in {@code [low, high]}. */
    public Builder floatRange(String name, double low, double high) {
      return add(FloatParameter.linear(name, low, high));
    }

    /** A float on the grid {@code low, low + step, …, ≤ high}. */
    public Builder steppedFloat(String name, double low, double high, double step) {
      return add(FloatParameter.stepped(name, low, high, step));
    }

    /** An integer in {@code [low, high]} (step 1). */
    public Builder intRange(String name, int low, int high) {
      return add(new IntParameter(name, low, high, false, 1));
    }

    /** An integer on the grid {@code low, low + step, …, ≤ high}. */
    public Builder steppedInt(String name, int low, int high, int step) {
      return add(new IntParameter(name, low, high, false, step));
    }

    /** An integer in {@code [low, high]} on a log scale; {@code low} must be at least 1. */
    public Builder logInt(String name, int low, int high) {
      return add(new IntParameter(name, low, high, true, 1));
    }

    /**
     * One of {@code choices} (any non-null objects: numbers, strings, enums …); the objective
     * receives the chosen object itself.
     */
    public Builder categorical(String name, List<?> choices) {
      return add(CategoricalParameter.of(name, choices));
    }

    Builder add(ParameterSpec parameter) {
      if (!names.add(parameter.name())) {
        throw new IllegalArgumentException("duplicate parameter name: '" + parameter.name() + "'");
      }
      parameters.add(parameter);
      return this;
    }

    /** The search space; it must hold at least one parameter. */
    public SearchSpace build() {
      if (parameters.isEmpty()) {
        throw new IllegalStateException("a search space needs at least one parameter");
      }
      return new SearchSpace(parameters);
    }
  }
}
