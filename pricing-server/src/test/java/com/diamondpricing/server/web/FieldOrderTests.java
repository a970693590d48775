package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldOrderTests {

  record Stone(double carat, String cut, String color, Double x) {}

  record Batch(List<Stone> diamonds) {}

  @Test
  void fieldsFollowTheirDeclarationAndItemsTheirIndex() {
    FieldOrder order = FieldOrder.of(Batch.class);
    List<String> paths =
        new ArrayList<>(
            List.of(
                "diamonds[10].cut",
                "diamonds[2].x",
                "diamonds[2].carat",
                "diamonds[10].carat",
                "diamonds[2].color"));
    paths.sort(order.comparator(p -> p, p -> ""));
    assertThat(paths)
        .containsExactly(
            "diamonds[2].carat",
            "diamonds[2].color",
            "diamonds[2].x",
            "diamonds[10].carat",
            "diamonds[10].cut");
  }

  @Test
  void unknownNamesComeAfterDeclaredOnesInAlphabeticalOrder() {
    FieldOrder order = FieldOrder.of(Stone.class);
    List<String> paths = new ArrayList<>(List.of("zeta", "x", "alpha", "carat"));
    paths.sort(order.comparator(p -> p, p -> ""));
    assertThat(paths).containsExactly("carat", "x", "alpha", "zeta");
  }
}
