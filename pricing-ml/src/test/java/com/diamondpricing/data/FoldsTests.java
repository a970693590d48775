package com.diamondpricing.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** scikit-learn's shuffled {@code KFold}, checked against scikit-learn 1.2.1's own folds. */
class FoldsTests {

  static final Folds FOLDS = Folds.shuffled(3991, 5, 42);

  @Test
  void matchesScikitLearnsKFold() {
    // KFold(5, shuffle=True, random_state=42).split(np.arange(3991))
    assertThat(IntStream.range(0, 5).map(f -> FOLDS.test(f).length))
        .containsExactly(799, 798, 798, 798, 798);
    assertThat(Arrays.copyOf(FOLDS.test(0), 6)).containsExactly(6, 8, 12, 14, 17, 23);
    int[] last = FOLDS.test(4);
    assertThat(Arrays.copyOfRange(last, last.length - 3, last.length))
        .containsExactly(3974, 3975, 3979);
    assertThat(Arrays.copyOf(FOLDS.train(2), 4)).containsExactly(0, 1, 3, 4);
  }

  @Test
  void everyRowIsHeldOutExactlyOnce() {
    int[] seen = new int[FOLDS.rows()];
    for (int f = 0; f < FOLDS.count(); f++) {
      for (int row : FOLDS.test(f)) {
        seen[row]++;
        assertThat(FOLDS.foldOf(row)).isEqualTo(f);
      }
      assertThat(FOLDS.train(f).length + FOLDS.test(f).length).isEqualTo(FOLDS.rows());
    }
    assertThat(seen).containsOnly(1);
  }

  @Nested
  class Refusals {

    @Test
    void fewerThanTwoFoldsOrMoreFoldsThanRows() {
      assertThatThrownBy(() -> Folds.shuffled(10, 1, 42))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Folds.shuffled(3, 4, 42))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> FOLDS.test(5)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
