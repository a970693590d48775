package com.diamondpricing.server.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PredictionIdsTests {

  @Test
  void anIdIsAVersion7UuidThatCarriesTheTimeItWasMade() {
    long before = System.currentTimeMillis();
    UUID id = UUID.fromString(PredictionIds.next());
    long after = System.currentTimeMillis();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
  }

  @Test
  void idsMadeOneAfterAnotherSortAsTheyWereMadeEvenWithinAMillisecond() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      ids.add(PredictionIds.next());
    }

    assertThat(ids).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void idsMadeOnManyThreadsAreUnique() {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 8)
        .parallel()
        .forEach(
            t -> {
              Set<String> mine = new HashSet<>();
              for (int i = 0; i < 10_000; i++) {
                mine.add(PredictionIds.next());
              }
              ids.addAll(mine);
            });

    assertThat(ids).hasSize(80_000);
  }
}
