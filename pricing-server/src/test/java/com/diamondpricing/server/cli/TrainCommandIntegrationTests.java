package com.diamondpricing.server.cli;

import static com.diamondpricing.server.cli.CliRuns.BUNDLED;
import static com.diamondpricing.server.cli.CliRuns.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.cli.CliRuns.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code diamonds train} end to end on a fresh SQLite database: ingest, train, register, promote.
 * The ordered tests share one state folder; the failure tests each get their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainCommandIntegrationTests {

  @TempDir static Path dir;

  static Path home() {
    return dir.resolve("home");
  }

  @Test
  @Order(1)
  void linearOnTheBundledDataIsRegisteredAndBecomesTheChampion() throws Exception {
    Run r = in(home(), "train", "--data", BUNDLED.toString(), "--models", "linear", "--json");

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode run = r.lastJson();
    assertThat(run.get("status").asString()).isEqualTo("succeeded");
    assertThat(run.get("runId").asLong()).isPositive();
    assertThat(run.get("rows").asInt()).isEqualTo(4989);
    assertThat(run.get("error").isNull()).isTrue();
    assertThat(CliRuns.fields(run))
        .containsExactly(
            "runId",
            "engine",
            "status",
            "snapshotId",
            "rows",
            "reusedSnapshot",
            "modelTypes",
            "models",
            "error",
            "errorCode",
            "seconds");
    assertThat(run.get("engine").asString()).isEqualTo("local");
    assertThat(run.get("reusedSnapshot").asBoolean()).isFalse();
    assertThat(run.get("modelTypes").toString()).isEqualTo("[\"linear\"]");
    JsonNode model = run.get("models").get(0);
    assertThat(CliRuns.fields(model))
        .containsExactly(
            "modelId",
            "type",
            "version",
            "featureSet",
            "testMae",
            "testR2",
            "promoted",
            "existing",
            "reason");
    assertThat(model.get("featureSet").asString()).isEqualTo("all");
    assertThat(model.get("existing").asBoolean()).isFalse();
    assertThat(run.get("models")).hasSize(1);
    assertThat(model.get("type").asString()).isEqualTo("linear");
    assertThat(model.get("version").asInt()).isEqualTo(1);
    assertThat(model.get("testMae").asDouble()).isBetween(561.5413, 561.5415);
    assertThat(model.get("testR2").asDouble()).isBetween(0.905387, 0.905389);
    assertThat(model.get("promoted").asBoolean()).isTrue();
    assertThat(model.get("reason").asString()).contains("first model");
    assertThat(r.err())
        .contains("Data quality report", "rows kept:      4,989", "model 1/1 linear: fitting")
        .contains("Training run " + run.get("runId").asLong() + " succeeded");
    assertThat(r.outLines()).hasSize(1);
    // the command's context starts no inbox watcher (which would create home/inbox)
    assertThat(home().resolve("inbox")).doesNotExist();

    JsonNode models = in(home(), "models", "list", "--json").json();
    assertThat(models).hasSize(1);
    assertThat(models.get(0).get("id").asLong()).isEqualTo(model.get("modelId").asLong());
    assertThat(models.get(0).get("champion").asBoolean()).isTrue();
    assertThat(models.get(0).get("nTrain").asInt()).isEqualTo(3991);
  }

  @Test
  @Order(2)
  void xgboostTunesWithProgressPerTrial() throws Exception {
    Path small = CliRuns.head(dir, "small.csv", 700);

    Run r =
        in(
            home(),
            "train",
            "--data",
            small.toString(),
            "--models",
            "xgboost",
            "--trials",
            "3",
            "--json");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err())
        .containsPattern(
            "Stored as snapshot 2 \\(\\d+ rows\\), now the current data: it replaces the"
                + " 4,989 rows before")
        .contains("model 1/2 xgboost: trial 1/3, best validation MAE")
        .contains("model 1/2 xgboost: trial 3/3")
        .contains("refitting the best of 3 trials")
        .contains("model 2/2 xgboost (four-cs): trial 3/3");
    JsonNode run = r.lastJson();
    assertThat(run.get("status").asString()).isEqualTo("succeeded");
    assertThat(run.get("snapshotId").asLong()).isEqualTo(2);
    assertThat(run.get("rows").asInt()).isBetween(690, 700);
    JsonNode model = run.get("models").get(0);
    assertThat(model.get("type").asString()).isEqualTo("xgboost");
    assertThat(model.get("version").asInt()).isEqualTo(1);
    assertThat(model.get("testMae").asDouble()).isPositive();
    assertThat(model.get("reason").asString()).isNotBlank();
    JsonNode fourCs = run.get("models").get(1);
    assertThat(fourCs.get("featureSet").asString()).isEqualTo("four-cs");
    assertThat(fourCs.get("version").asInt()).isEqualTo(2);
    assertThat(fourCs.get("promoted").asBoolean()).as("the first of its feature set").isTrue();
  }

  @Test
  @Order(3)
  void appendAddsTheFilesRowsToTheCurrentData() throws Exception {
    int before = in(home(), "models", "list", "--json").json().size();
    Path more = CliRuns.slice(dir, "more.csv", 701, 1000);

    Run r = in(home(), "train", "--data", more.toString(), "--append", "--models", "LINEAR");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Data quality report for more.csv", "rows read:      300")
        .containsPattern("Appended \\d+ rows to snapshot 2: snapshot 3 \\(\\d[\\d,]* rows\\)")
        .contains("model 1/1 linear: fitting")
        .containsPattern("Training run \\d+ succeeded")
        .contains("linear v2", "test MAE");
    assertThat(r.err()).isEmpty();
    JsonNode models = in(home(), "models", "list", "--json").json();
    assertThat(models).hasSize(before + 1);
    JsonNode newest = models.get(0);
    assertThat(newest.get("type").asString()).isEqualTo("linear");
    assertThat(newest.get("snapshotId").asLong()).isEqualTo(3);
    // 80% of (699 kept + 300 appended, less what the cleaning dropped)
    assertThat(newest.get("nTrain").asInt()).isBetween(780, 800);
  }

  @Test
  @Order(4)
  void theSameDataWithTheSameSettingsTrainsNothingAndReportsTheModelAlreadyRegistered() {
    JsonNode models = in(home(), "models", "list", "--json").json();
    long first = 0;
    for (JsonNode m : models) {
      if (m.get("type").asString().equals("linear") && m.get("snapshotId").asLong() == 1) {
        first = m.get("id").asLong();
      }
    }

    Run r = in(home(), "train", "--data", BUNDLED.toString(), "--models", "linear", "--json");

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode run = r.lastJson();
    assertThat(run.get("reusedSnapshot").asBoolean()).isTrue();
    JsonNode model = run.get("models").get(0);
    assertThat(model.get("existing").asBoolean()).isTrue();
    assertThat(model.get("promoted").asBoolean()).isFalse();
    assertThat(model.get("modelId").asLong()).isEqualTo(first);
    assertThat(model.get("reason").asString()).contains("nothing was trained");
    assertThat(r.err()).contains("registered before");
    assertThat(in(home(), "models", "list", "--json").json()).hasSize(models.size());
  }

  @Nested
  class Failures {

    @Test
    void aRejectedFileExits3WithTheReportAndStoresNothing(@TempDir Path home) throws Exception {
      Path bad = home.resolve("bad.csv");
      Files.writeString(bad, "carat;cut;color\n1;Ideal;H\n");

      Run r = in(home, "train", "--data", bad.toString(), "--json");

      assertThat(r.status()).isEqualTo(TrainCommand.DATA_REJECTED);
      assertThat(r.err()).contains("REJECTED", "lacks the columns", "Nothing was stored");
      assertThat(r.out()).isEmpty();
      assertThat(in(home, "models", "list", "--json").json()).isEmpty();
    }

    @Test
    void anUnknownModelTypeExits2ListingTheAllowedOnes(@TempDir Path home) {
      Run r = in(home, "train", "--data", BUNDLED.toString(), "--models", "linear,forest");

      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err())
          .contains("unknown model type 'forest'", "allowed values: linear, xgboost");
      assertThat(home.resolve("diamonds.db")).doesNotExist();
    }

    @Test
    void aMissingFileExits2(@TempDir Path home) {
      Run r = in(home, "train", "--data", home.resolve("nope.csv").toString());

      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("no such file");
    }

    @Test
    void zeroTrialsExits2(@TempDir Path home) {
      Run r = in(home, "train", "--data", BUNDLED.toString(), "--trials", "0");

      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--trials: trials must be between 1 and 10000, not 0");
    }

    @Test
    void theDataFileIsRequired() {
      Run r = CliRuns.run("train");

      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--data");
    }

    @Test
    void aRunThatFailsExits4WithTheError(@TempDir Path home) throws Exception {
      Path tiny = CliRuns.head(home, "tiny.csv", 12);

      Run r = in(home, "train", "--data", tiny.toString(), "--models", "linear", "--json");

      assertThat(r.status()).isEqualTo(TrainCommand.RUN_FAILED);
      JsonNode run = r.lastJson();
      assertThat(run.get("status").asString()).isEqualTo("failed");
      assertThat(run.get("models")).isEmpty();
      assertThat(run.get("error").asString()).contains("at least");
      assertThat(r.err()).containsPattern("Training run \\d+ failed: .*at least");
    }
  }
}
