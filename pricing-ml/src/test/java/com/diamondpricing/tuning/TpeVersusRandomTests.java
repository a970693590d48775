package com.diamondpricing.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TPE finds better values than random search with the same number of trials on analytic functions
 * (mean best value over ten seeds).
 */
class TpeVersusRandomTests {

  private static final int TRIALS = 60;
  private static final int SEEDS = 10;

  private record Comparison(double tpe, double random) {}

  private static Comparison compare(SearchSpace space, Objective f) {
    double tpe = 0;
    double random = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      tpe += Tuner.tpe(seed).build().optimize(space, f, TRIALS, null).best().value();
      random += Tuner.random(seed).build().optimize(space, f, TRIALS, null).best().value();
    }
    return new Comparison(tpe / SEEDS, random / SEEDS);
  }

  @Test
  void shiftedSphereWithALogDimension() {
    SearchSpace space =
        SearchSpace.builder()
            .floatRange("x1", -5, 5)
            .floatRange("x2", -5, 5)
            .floatRange("x3", -5, 5)
            .logFloat("lambda", 1e-4, 1e2)
            .build();
    Comparison c =
        compare(
            space,
            t -> {
              double a = t.getDouble("x1") - 1.3;
              double b = t.getDouble("x2") + 2.1;
              double d = t.getDouble("x3") - 0.7;
              double l = Math.log10(t.getDouble("lambda")) - Math.log10(0.05);
              return a * a + b * b + d * d + l * l;
            });
    assertThat(c.tpe()).as("%s", c).isLessThan(c.random());
  }

  @Test
  void rosenbrock2d() {
    SearchSpace space = SearchSpace.builder().floatRange("x", -2, 2).floatRange("y", -1, 3).build();
    Comparison c =
        compare(
            space,
            t -> {
              double x = t.getDouble("x");
              double y = t.getDouble("y");
              return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
            });
    assertThat(c.tpe()).as("%s", c).isLessThan(c.random());
  }

  @Test
  void mixedCategoricalIntAndSteppedSpace() {
    Map<String, Double> offsets = Map.of("a", 3.0, "b", 0.0, "c", 2.0, "d", 5.0, "e", 4.0);
    SearchSpace space =
        SearchSpace.builder()
            .categorical("kind", List.of("a", "b", "c", "d", "e"))
            .intRange("n", 1, 60)
            .logInt("depth", 1, 256)
            .steppedFloat("rate", 0, 1, 0.05)
            .floatRange("x", -3, 3)
            .build();
    Comparison c =
        compare(
            space,
            t -> {
              double n = (t.getInt("n") - 17) / 10.0;
              double depth = Math.log(t.getInt("depth") / 12.0);
              double rate = (t.getDouble("rate") - 0.35) * 4;
              double x = t.getDouble("x") - 0.5;
              return offsets.get((String) t.get("kind"))
                  + n * n
                  + depth * depth
                  + rate * rate
                  + x * x;
            });
    assertThat(c.tpe()).as("%s", c).isLessThan(c.random());
  }
}
