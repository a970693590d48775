package com.diamondpricing.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code diamonds serve} on a SQLite file it cannot use stops with status 1 and one ERROR that
 * names the file and says what to do, not an exception chain (issue 22, row 9).
 */
@ExtendWith(OutputCaptureExtension.class)
class UnusableDatabaseIntegrationTests {

  @TempDir Path home;

  @Test
  void aFileOfGarbageIsNamedAsDamagedWithWhatToDo(CapturedOutput output) throws IOException {
    Path file = home.resolve("diamonds.db");
    Files.write(file, garbage(64 * 1024));

    assertThat(serve()).isEqualTo(1);

    String error = theOneError(output);
    assertThat(error)
        .contains("The database file " + file.toAbsolutePath() + " is damaged")
        .contains("SQLite: File opened that is not a database file")
        .contains("move " + file.toAbsolutePath() + " aside")
        .contains("from a backup");
  }

  @Test
  void damagedPagesBehindAGoodHeaderAreNamedAsDamaged(CapturedOutput output) throws Exception {
    Path file = home.resolve("diamonds.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("create table t (id integer primary key, v text)");
      try (PreparedStatement insert = c.prepareStatement("insert into t (v) values (?)")) {
        for (int i = 0; i < 500; i++) {
          insert.setString(1, "row " + i + " ".repeat(100));
          insert.executeUpdate();
        }
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    byte[] noise = garbage(bytes.length);
    System.arraycopy(noise, 100, bytes, 100, bytes.length - 100); // the 100-byte header stays
    Files.write(file, bytes);

    assertThat(serve()).isEqualTo(1);

    assertThat(theOneError(output))
        .contains("The database file " + file.toAbsolutePath() + " is damaged")
        .contains("SQLite: The database disk image is malformed")
        .contains("from a backup");
  }

  @Test
  void aFolderInPlaceOfTheFileIsNamedAsUnreadable(CapturedOutput output) throws IOException {
    Path file = Files.createDirectory(home.resolve("diamonds.db"));

    assertThat(serve()).isEqualTo(1);

    assertThat(theOneError(output))
        .contains("The database file " + file.toAbsolutePath() + " cannot be opened")
        .contains("SQLite: Unable to open the database file")
        .contains("is a file (not a folder)");
  }

  private int serve() {
    return DiamondsCli.commandLine()
        .execute(
            "serve",
            "--server.port=0",
            "--diamonds.home=" + home,
            "--diamonds.bootstrap=false",
            "--diamonds.admin-token=unusable-database-token");
  }

  /**
   * The one ERROR logged, with the lines that follow it up to the next log line; no stack frame
   * anywhere and nothing printed a second time.
   */
  private static String theOneError(CapturedOutput output) {
    List<String> lines = output.getAll().lines().toList();
    List<Integer> errors =
        java.util.stream.IntStream.range(0, lines.size())
            .filter(i -> lines.get(i).contains(" ERROR "))
            .boxed()
            .toList();
    assertThat(errors).as("ERROR lines in:%n%s", output.getAll()).hasSize(1);
    assertThat(lines)
        .as("no stack trace")
        .noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by:"));
    assertThat(output.getAll()).doesNotContain("Application run failed");
    StringBuilder error = new StringBuilder();
    for (int i = errors.get(0); i < lines.size(); i++) {
      if (i > errors.get(0) && lines.get(i).matches("^\\d{4}-\\d\\d-\\d\\dT.*")) {
        break;
      }
      error.append(lines.get(i)).append('\n');
    }
    return error.toString();
  }

  private static byte[] garbage(int size) {
    byte[] bytes = new byte[size];
    new Random(22).nextBytes(bytes);
    return bytes;
  }
}
