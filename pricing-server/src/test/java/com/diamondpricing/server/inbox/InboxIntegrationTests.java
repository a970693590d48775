package com.diamondpricing.server.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.Snapshot;
import com.diamondpricing.server.training.RunStatus;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.TrainingRun;
import com.diamondpricing.server.training.Trigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The inbox end to end: a dropped file is ingested, trained on and moved to processed/; a rejected
 * one goes to failed/ with its report and stores nothing; names being written are left alone.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.inbox.poll-interval=200ms",
      "diamonds.training.trials=1"
    })
@DirtiesContext // stops the poller and any training still running
abstract class InboxIntegrationTests {

  static final Duration PATIENCE = Duration.ofSeconds(20);
  static final String STAMP = "\\d{8}T\\d{6}\\.\\d{3}Z-";
  static final String BAD = "carat;cut;color;clarity;depth;table;price;x;y;z\n0.5;Ideal;E\n";

  @Autowired InboxWatcher inbox;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ModelTypes types;

  Path dir() {
    return inbox.dir();
  }

  static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  List<TrainingRun> inboxRuns() {
    return pipeline.list(1000).stream().filter(r -> r.trigger() == Trigger.INBOX).toList();
  }

  @Test
  void theFoldersAreCreatedAtStart() {
    assertThat(dir()).isDirectory();
    assertThat(dir().resolve(InboxWatcher.PROCESSED)).isDirectory();
    assertThat(dir().resolve(InboxWatcher.FAILED)).isDirectory();
  }

  @Test
  void aDroppedFileIsIngestedTrainedOnAndMovedToProcessed() throws Exception {
    Files.copy(Path.of("../data/diamonds.csv"), dir().resolve("fresh.csv"));

    await()
        .atMost(PATIENCE)
        .until(() -> names(dir().resolve(InboxWatcher.PROCESSED)), n -> n.size() == 1);
    assertThat(names(dir().resolve(InboxWatcher.PROCESSED)))
        .singleElement()
        .asString()
        .matches(STAMP + "fresh\\.csv");
    assertThat(dir().resolve("fresh.csv")).doesNotExist();

    Snapshot current = datasets.current().orElseThrow();
    assertThat(current.source()).isEqualTo("inbox/fresh.csv");
    assertThat(current.rowsKept()).isEqualTo(4989);

    TrainingRun run =
        inboxRuns().stream().filter(r -> r.snapshotId() == current.id()).findFirst().orElseThrow();
    assertThat(run.modelTypes()).isEqualTo(types.names()).contains("linear", "xgboost");
    // it runs in the background (training ends, or is interrupted when the context closes)
    await().atMost(PATIENCE).until(() -> pipeline.get(run.id()).status() != RunStatus.QUEUED);
  }

  @Test
  void aRejectedFileGoesToFailedWithItsReportAndNothingIsStored() throws Exception {
    int snapshots = datasets.list().size();
    int runs = inboxRuns().size();
    Files.writeString(dir().resolve("bad.csv"), BAD, StandardCharsets.UTF_8);

    Path failed = dir().resolve(InboxWatcher.FAILED);
    await()
        .atMost(PATIENCE)
        .until(() -> names(failed).stream().filter(n -> n.contains("-bad.csv")).count() == 2);
    List<String> names = names(failed).stream().filter(n -> n.contains("-bad.csv")).toList();
    assertThat(names.get(0)).matches(STAMP + "bad\\.csv");
    assertThat(names.get(1)).isEqualTo(names.get(0) + InboxWatcher.ERROR_SUFFIX);
    assertThat(Files.readString(failed.resolve(names.get(0)))).isEqualTo(BAD);
    assertThat(Files.readString(failed.resolve(names.get(1))))
        .contains("bad.csv was rejected: nothing was stored")
        .contains("Data quality report for inbox/bad.csv")
        .contains("REJECTED: line 1: the header lacks the columns carat, cut, color");
    assertThat(dir().resolve("bad.csv")).doesNotExist();

    assertThat(datasets.list()).hasSize(snapshots);
    assertThat(inboxRuns()).hasSize(runs);
  }

  @Test
  void filesBeingWrittenAreLeftAloneUntilRenamedIntoPlace() throws Exception {
    Path part = dir().resolve("upload.csv.part");
    Files.writeString(part, BAD, StandardCharsets.UTF_8);
    Files.writeString(dir().resolve("upload.tmp"), BAD, StandardCharsets.UTF_8);
    Files.writeString(dir().resolve(".hidden.csv"), BAD, StandardCharsets.UTF_8);
    Files.writeString(dir().resolve("notes.txt"), "not data", StandardCharsets.UTF_8);

    Thread.sleep(1000); // five polls
    assertThat(names(dir())).contains("upload.csv.part", "upload.tmp", ".hidden.csv", "notes.txt");
    assertThat(names(dir().resolve(InboxWatcher.FAILED))).noneMatch(n -> n.contains("upload"));

    Files.move(part, dir().resolve("upload.csv"));
    await()
        .atMost(PATIENCE)
        .until(
            () -> names(dir().resolve(InboxWatcher.FAILED)),
            n -> n.stream().anyMatch(f -> f.endsWith("-upload.csv" + InboxWatcher.ERROR_SUFFIX)));
    assertThat(names(dir())).doesNotContain("upload.csv", "upload.csv.part");
  }

  @Test
  void theSameNameDroppedTwiceNeverOverwrites() throws Exception {
    Path failed = dir().resolve(InboxWatcher.FAILED);
    for (int i = 1; i <= 2; i++) {
      Files.writeString(dir().resolve("twice.csv"), BAD + "# " + i, StandardCharsets.UTF_8);
      int expected = 2 * i;
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  names(failed).stream().filter(n -> n.contains("-twice.csv")).count() == expected);
    }
    List<String> csv = names(failed).stream().filter(n -> n.endsWith("-twice.csv")).toList();
    assertThat(csv).hasSize(2).doesNotHaveDuplicates();
    assertThat(Files.readString(failed.resolve(csv.get(0)))).isEqualTo(BAD + "# 1");
    assertThat(Files.readString(failed.resolve(csv.get(1)))).isEqualTo(BAD + "# 2");
  }

  @Test
  void aNameTooLongForTheTimestampIsShortenedKeepingItsExtensionAndGetsItsErrorText()
      throws Exception {
    String name = "d".repeat(246) + ".csv"; // 250 characters: with the timestamp, over 255 bytes
    String twin = "d".repeat(245) + "e.csv";
    Files.writeString(dir().resolve(name), BAD, StandardCharsets.UTF_8);
    Files.writeString(dir().resolve(twin), BAD + "# twin", StandardCharsets.UTF_8);

    Path failed = dir().resolve(InboxWatcher.FAILED);
    await()
        .atMost(PATIENCE)
        .until(() -> names(failed).stream().filter(n -> n.contains("-ddddd")).count() == 4);
    List<String> moved =
        names(failed).stream().filter(n -> n.contains("-ddddd") && n.endsWith(".csv")).toList();
    assertThat(moved)
        .hasSize(2)
        .doesNotHaveDuplicates()
        .allMatch(n -> n.matches(STAMP + "d+~[0-9a-f]{8}\\.csv"))
        .allMatch(
            n -> (n + InboxWatcher.ERROR_SUFFIX).getBytes(StandardCharsets.UTF_8).length <= 255);
    for (String m : moved) {
      String content = Files.readString(failed.resolve(m));
      String error = Files.readString(failed.resolve(m + InboxWatcher.ERROR_SUFFIX));
      assertThat(error)
          .startsWith((content.equals(BAD) ? name : twin) + " was rejected: nothing was stored");
    }
    assertThat(dir().resolve(name)).doesNotExist();
    assertThat(dir().resolve(twin)).doesNotExist();
  }

  @Test
  void aSymbolicLinkIsNeverReadAndItsTargetNeverEchoed() throws Exception {
    int snapshots = datasets.list().size();
    Path secret = Files.createTempFile("not-for-the-inbox", ".txt");
    Files.writeString(secret, "s3cr3t-token-value\nsecond line\n", StandardCharsets.UTF_8);
    Files.createSymbolicLink(dir().resolve("linked.csv"), secret);

    Path failed = dir().resolve(InboxWatcher.FAILED);
    await()
        .atMost(PATIENCE)
        .until(() -> names(failed).stream().filter(n -> n.contains("-linked.csv")).count() == 2);
    String error =
        Files.readString(
            failed.resolve(
                names(failed).stream()
                    .filter(n -> n.endsWith("-linked.csv" + InboxWatcher.ERROR_SUFFIX))
                    .findFirst()
                    .orElseThrow()));
    assertThat(error).contains("not a regular file").doesNotContain("s3cr3t", "second line");
    assertThat(Files.readString(secret)).startsWith("s3cr3t"); // the target is untouched
    assertThat(dir().resolve("linked.csv")).doesNotExist();
    assertThat(datasets.list()).hasSize(snapshots);
  }

  @Test
  void aRejectedFilesErrorQuotesNoRowContent() throws Exception {
    String rows =
        "carat,cut,color,clarity,depth,table,price,x,y,z\n"
            + "0.5,Ideal,E,VS1,61.5,55,1500,5.1,5.12,3.15\n".repeat(5)
            + "0.5,private-customer-name,E,VS1,61.5,55,1500,5.1,5.12,3.15\n".repeat(5);
    Files.writeString(dir().resolve("rows.csv"), rows, StandardCharsets.UTF_8);
    Path failed = dir().resolve(InboxWatcher.FAILED);
    await()
        .atMost(PATIENCE)
        .until(() -> names(failed).stream().anyMatch(n -> n.endsWith("-rows.csv.error.txt")));
    String error =
        Files.readString(
            failed.resolve(
                names(failed).stream()
                    .filter(n -> n.endsWith("-rows.csv" + InboxWatcher.ERROR_SUFFIX))
                    .findFirst()
                    .orElseThrow()));
    assertThat(error).contains("line 7, column 'cut'").doesNotContain("private-customer-name");
  }
}
