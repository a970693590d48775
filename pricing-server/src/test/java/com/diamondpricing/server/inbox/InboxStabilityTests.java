package com.diamondpricing.server.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.inbox.StabilityDetector.FileState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file is taken only once its size and modification time held still across two polls. */
class InboxStabilityTests {

  static final Path A = Path.of("a.csv");
  static final Path B = Path.of("b.csv");

  static FileState state(long size, long millis) {
    return new FileState(size, FileTime.fromMillis(millis));
  }

  @Test
  void aFileIsStableOnlyWhenTwoPollsInARowSawTheSameSizeAndTime() {
    StabilityDetector detector = new StabilityDetector();
    assertThat(detector.stable(Map.of(A, state(10, 1)))).as("first seen").isEmpty();
    assertThat(detector.stable(Map.of(A, state(20, 2)))).as("growing").isEmpty();
    assertThat(detector.stable(Map.of(A, state(20, 3)))).as("touched").isEmpty();
    assertThat(detector.stable(Map.of(A, state(20, 3)))).as("held still").containsExactly(A);
  }

  @Test
  void aFileThatDisappearsOrIsForgottenStartsOver() {
    StabilityDetector detector = new StabilityDetector();
    detector.stable(Map.of(A, state(10, 1), B, state(5, 1)));
    assertThat(detector.stable(Map.of(B, state(5, 1)))).containsExactly(B);
    assertThat(detector.stable(Map.of(A, state(10, 1), B, state(5, 1)))).containsExactly(B);
    detector.forget(B);
    assertThat(detector.stable(Map.of(A, state(10, 1), B, state(5, 1)))).containsExactly(A);
    assertThat(detector.stable(Map.of(A, state(10, 1), B, state(5, 1)))).containsExactly(A, B);
  }

  @ParameterizedTest
  @ValueSource(strings = {"diamonds.csv", "DIAMONDS.CSV", "2024 prices.Csv", "a.part.csv"})
  void csvFilesAreCandidates(String name) {
    assertThat(StabilityDetector.candidate(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".diamonds.csv",
        "diamonds.csv.part",
        "diamonds.csv.tmp",
        "diamonds.CSV.PART",
        "diamonds.tmp",
        "diamonds.txt",
        "diamonds.csv.gz",
        "diamonds"
      })
  void hiddenPartialAndOtherFilesAreNot(String name) {
    assertThat(StabilityDetector.candidate(name)).isFalse();
  }

  @Test
  void aGrowingFileOnDiskIsTakenOnlyOnceItStopsGrowing(@TempDir Path dir) throws IOException {
    StabilityDetector detector = new StabilityDetector();
    Path file = dir.resolve("growing.csv");
    Files.createDirectory(dir.resolve("folder.csv"));
    Files.writeString(dir.resolve("upload.csv.part"), "carat\n");
    Files.writeString(file, "carat,cut,color,clarity,depth,table,price,x,y,z\n");

    assertThat(detector.stable(StabilityDetector.scan(dir).files())).isEmpty();
    for (int i = 0; i < 5; i++) {
      append(file, "0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n");
      assertThat(detector.stable(StabilityDetector.scan(dir).files())).as("append %d", i).isEmpty();
    }
    assertThat(StabilityDetector.scan(dir).files()).containsOnlyKeys(file);
    assertThat(detector.stable(StabilityDetector.scan(dir).files())).containsExactly(file);

    // the same size but a new modification time (rewritten in place) waits again
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
    assertThat(detector.stable(StabilityDetector.scan(dir).files())).isEmpty();
    assertThat(detector.stable(StabilityDetector.scan(dir).files())).containsExactly(file);
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
