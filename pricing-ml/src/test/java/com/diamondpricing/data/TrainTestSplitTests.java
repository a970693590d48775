package com.diamondpricing.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TrainTestSplitTests {

  @Test
  void matchesScikitLearnsPermutationForTheNotebooksData() throws IOException {
    int[] expected = reference();
    TrainTestSplit split = TrainTestSplit.notebook(4989);
    assertThat(split.test()).hasSize(998);
    assertThat(split.train()).hasSize(3991);
    int[] actual =
        IntStream.concat(IntStream.of(split.test()), IntStream.of(split.train())).toArray();
    assertThat(actual).containsExactly(expected);
  }

  @Test
  void firstTestRowsAreTheDocumentedOnes() {
    assertThat(TrainTestSplit.notebook(4989).test()).startsWith(1839, 1536, 1662, 1075, 4201);
  }

  @Test
  void partsAreDisjointAndCoverEveryRow() {
    TrainTestSplit split = TrainTestSplit.of(1001, 0.25, 7);
    Set<Integer> seen = new HashSet<>();
    IntStream.of(split.train()).forEach(seen::add);
    IntStream.of(split.test()).forEach(seen::add);
    assertThat(seen).hasSize(1001);
    assertThat(split.test()).hasSize(251); // ceil(0.25 * 1001)
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    assertThat(TrainTestSplit.of(500, 0.2, 1)).isEqualTo(TrainTestSplit.of(500, 0.2, 1));
    assertThat(TrainTestSplit.of(500, 0.2, 1)).isNotEqualTo(TrainTestSplit.of(500, 0.2, 2));
  }

  @Test
  void mersenneTwisterMatchesTheReferenceOutput() {
    // first outputs of init_genrand(5489), the reference implementation's default seed
    MersenneTwister mt = new MersenneTwister(5489);
    assertThat(mt.next32()).isEqualTo(3499211612L);
    assertThat(mt.next32()).isEqualTo(581869302L);
    assertThat(mt.next32()).isEqualTo(3890346734L);
  }

  @Nested
  class Refusals {
    @Test
    void tooFewRows() {
      assertThatThrownBy(() -> TrainTestSplit.of(1, 0.2, 42))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testShareOutOfRange() {
      assertThatThrownBy(() -> TrainTestSplit.of(100, 1.0, 42)).hasMessageContaining("testSize");
    }
  }

  private static int[] reference() throws IOException {
    try (InputStream in =
        TrainTestSplitTests.class.getResourceAsStream("/split_seed42_n4989.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
          .lines()
          .filter(l -> !l.isBlank())
          .mapToInt(l -> Integer.parseInt(l.strip()))
          .toArray();
    }
  }
}
