package com.diamondpricing.interval;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import org.junit.jupiter.api.Test;

class ComparablesTests {

  static Dataset rows(double... carats) {
    Dataset.Builder b = Dataset.builder(carats.length + 1);
    for (double c : carats) {
      b.add(c, Cut.IDEAL, Color.D, Clarity.IF, 62, 57, 1000 * c, 6, 6, 4);
    }
    b.add(1.0, Cut.FAIR, Color.J, Clarity.I1, 65, 58, 900, 6, 6, 4);
    return b.build();
  }

  static Diamond stone(double carat, Clarity clarity) {
    return new Diamond(carat, Cut.IDEAL, Color.D, clarity, 62, 57, 6, 6, 4);
  }

  @Test
  void countsStonesOfTheSameGradesWithinTwentyPercentOfTheCarat() {
    Comparables c = Comparables.of(rows(0.79, 0.8, 1.0, 1.2, 1.21, 3.0));
    assertThat(c.count(stone(1.0, Clarity.IF))).isEqualTo(3); // 0.8, 1.0, 1.2
    assertThat(c.few(stone(1.0, Clarity.IF))).isFalse();
    assertThat(c.count(stone(3.0, Clarity.IF))).isEqualTo(1);
    assertThat(c.few(stone(3.0, Clarity.IF))).isTrue();
    assertThat(c.count(stone(1.0, Clarity.VS1))).isZero();
  }

  @Test
  void knowsTheNearestStoneAndTheDearestOfTheGrades() {
    Comparables c = Comparables.of(rows(0.5, 1.04, 2.0));
    assertThat(c.nearestCarat(Cut.IDEAL, Color.D, Clarity.IF, 3.0)).isEqualTo(2.0);
    assertThat(c.nearestCarat(Cut.IDEAL, Color.D, Clarity.IF, 1.0)).isEqualTo(1.04);
    assertThat(c.nearestCarat(Cut.IDEAL, Color.D, Clarity.IF, 0.1)).isEqualTo(0.5);
    assertThat(c.nearestCarat(Cut.IDEAL, Color.D, Clarity.VS1, 1.0)).isNaN();
    assertThat(c.maxPrice(Cut.IDEAL, Color.D, Clarity.IF)).isEqualTo(2000);
    assertThat(c.maxPrice(Cut.IDEAL, Color.D, Clarity.VS1)).isNaN();
    assertThat(c.ofGrades(Cut.IDEAL, Color.D, Clarity.IF)).isEqualTo(3);
  }

  @Test
  void countsOnlyTheRowsAtThePositionsGiven() {
    Dataset rows = rows(0.9, 1.0, 1.1);
    Comparables some = Comparables.of(rows, new int[] {0, 3});
    assertThat(some.count(stone(1.0, Clarity.IF))).isEqualTo(1);
    assertThat(some.few(rows, 1)).isTrue();
  }
}
