package com.diamondpricing.server.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimilarDiamondsIndexTests {

  /** The definition: filter the group, sort by (distance, carat, row), take n. */
  static int[] bruteForce(Dataset d, double carat, Cut cut, Color color, Clarity clarity, int n) {
    return IntStream.range(0, d.size())
        .filter(i -> d.cut(i) == cut && d.color(i) == color && d.clarity(i) == clarity)
        .boxed()
        .sorted(
            Comparator.<Integer>comparingDouble(i -> Math.abs(d.carat(i) - carat))
                .thenComparingDouble(d::carat)
                .thenComparingInt(i -> i))
        .limit(n)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  static Dataset random(Random r, int rows, int caratLevels) {
    Dataset.Builder b = Dataset.builder(rows);
    Cut[] cuts = Cut.values();
    Color[] colors = Color.values();
    Clarity[] clarities = Clarity.values();
    for (int i = 0; i < rows; i++) {
      // few carat levels and few grades make ties and shared groups common
      double carat = 0.2 + r.nextInt(caratLevels) * 0.01;
      b.add(
          carat,
          cuts[r.nextInt(2)],
          colors[r.nextInt(2)],
          clarities[r.nextInt(2)],
          61,
          57,
          1000,
          5,
          5,
          3);
    }
    return b.build();
  }

  @Test
  void agreesWithBruteForceOnRandomDataAndQueries() {
    Random r = new Random(20261126);
    for (int round = 0; round < 200; round++) {
      Dataset d = random(r, 1 + r.nextInt(400), 1 + r.nextInt(60));
      SimilarDiamondsIndex index = SimilarDiamondsIndex.of(d);
      for (int q = 0; q < 25; q++) {
        double carat = r.nextBoolean() ? 0.2 + r.nextInt(70) * 0.01 : r.nextDouble() * 1.2;
        Cut cut = Cut.values()[r.nextInt(3)];
        Color color = Color.values()[r.nextInt(3)];
        Clarity clarity = Clarity.values()[r.nextInt(3)];
        int n = 1 + r.nextInt(30);
        assertThat(index.nearest(carat, cut, color, clarity, n))
            .as(
                "round %d query %d: carat %s %s %s %s n=%d",
                round, q, carat, cut, color, clarity, n)
            .containsExactly(bruteForce(d, carat, cut, color, clarity, n));
      }
    }
  }

  @Test
  void nearestFirstLowerCaratOnEqualDistanceEarlierRowOnEqualCarat() {
    Dataset.Builder b = Dataset.builder(5);
    b.add(1.0, Cut.IDEAL, Color.H, Clarity.SI2, 61, 57, 1000, 5, 5, 3); // row 0
    b.add(1.5, Cut.IDEAL, Color.H, Clarity.SI2, 61, 57, 1000, 5, 5, 3); // row 1
    b.add(0.5, Cut.IDEAL, Color.H, Clarity.SI2, 61, 57, 1000, 5, 5, 3); // row 2
    b.add(1.5, Cut.IDEAL, Color.H, Clarity.SI2, 61, 57, 1000, 5, 5, 3); // row 3
    b.add(1.1, Cut.GOOD, Color.H, Clarity.SI2, 61, 57, 1000, 5, 5, 3); // row 4, other group
    // binary fractions, so the distances 0.25 are exactly equal
    SimilarDiamondsIndex index = SimilarDiamondsIndex.of(b.build());
    assertThat(index.nearest(1.25, Cut.IDEAL, Color.H, Clarity.SI2, 10))
        .containsExactly(0, 1, 3, 2);
    assertThat(index.nearest(1.25, Cut.IDEAL, Color.H, Clarity.SI2, 2)).containsExactly(0, 1);
  }

  @Test
  void anEmptyGroupGivesAnEmptyAnswer() {
    Dataset d = random(new Random(1), 50, 5);
    assertThat(SimilarDiamondsIndex.of(d).nearest(1.0, Cut.PREMIUM, Color.J, Clarity.I1, 5))
        .isEmpty();
  }

  @Nested
  class Refusals {
    @Test
    void negativeCount() {
      SimilarDiamondsIndex index = SimilarDiamondsIndex.of(random(new Random(1), 10, 3));
      assertThatThrownBy(() -> index.nearest(1, Cut.IDEAL, Color.D, Clarity.IF, -1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
