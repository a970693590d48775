package com.diamondpricing.server.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MovedNamesTests {

  static final String STAMP = "20261207T131206.123Z";

  static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void aNameThatFitsIsKeptWhole() {
    assertThat(MovedNames.target(STAMP, 1, "fresh.csv")).isEqualTo(STAMP + "-fresh.csv");
    assertThat(MovedNames.target(STAMP, 2, "fresh.csv")).isEqualTo(STAMP + "-2-fresh.csv");
  }

  @Nested
  class TooLong {

    final String name = "d".repeat(246) + ".csv"; // 250 characters: fits alone, not with a stamp

    @Test
    void isShortenedToFitWithTheCounterAndTheErrorSuffixKeepingItsExtension() {
      String target = MovedNames.target(STAMP, 1000, name);
      assertThat(bytes(target + InboxWatcher.ERROR_SUFFIX))
          .isLessThanOrEqualTo(MovedNames.MAX_NAME_BYTES);
      assertThat(target).startsWith(STAMP + "-1000-ddd").matches(".*d~[0-9a-f]{8}\\.csv");
      assertThat(MovedNames.target(STAMP, 1, name)).endsWith(target.substring(target.indexOf('~')));
    }

    @Test
    void namesThatDifferOnlyInTheirEndStayApart() {
      String other = "d".repeat(245) + "e.csv";
      assertThat(MovedNames.target(STAMP, 1, name))
          .isNotEqualTo(MovedNames.target(STAMP, 1, other));
      assertThat(MovedNames.target(STAMP, 1, name)).isEqualTo(MovedNames.target(STAMP, 1, name));
    }

    @Test
    void isCutBetweenCharactersNeverInsideOne() {
      String wide = "é".repeat(60) + "💎".repeat(30) + ".csv"; // 120 + 120 + 4 bytes
      String fitted = MovedNames.fitted(wide, 101);
      assertThat(bytes(fitted)).isLessThanOrEqualTo(101);
      assertThat(new String(fitted.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
          .isEqualTo(fitted)
          .doesNotContain("\uFFFD");
      assertThat(fitted).endsWith(".csv").contains("~");
    }

    @Test
    void aLongExtensionIsNotKeptApart() {
      String fitted = MovedNames.fitted("a".repeat(300) + "." + "x".repeat(40), 100);
      assertThat(bytes(fitted)).isLessThanOrEqualTo(100);
      assertThat(fitted).matches("a+~[0-9a-f]{8}");
    }
  }
}
