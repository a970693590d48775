package com.diamondpricing.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

class EvaluateCommandTests {

  record Run(int status, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    JsonNode lastJson() throws Exception {
      List<String> lines = outLines();
      return CliRuns.JSON.readTree(lines.get(lines.size() - 1));
    }
  }

  static Run run(String... args) {
    CommandLine cli = DiamondsCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void linearOnTheBundledDataEndsWithTheNotebooksNumbersAsJson() throws Exception {
    Run r = run("evaluate", "--model", "linear", "--json");
    assertThat(r.status()).isZero();
    JsonNode json = r.lastJson();
    assertThat(json.get("model").asString()).isEqualTo("linear");
    assertThat(json.get("r2").asDouble()).isBetween(0.905387, 0.905389);
    assertThat(json.get("mae").asDouble()).isBetween(561.5413, 561.5415);
    assertThat(json.get("n_train").asInt()).isEqualTo(3991);
    assertThat(json.get("n_test").asInt()).isEqualTo(998);
    assertThat(json.has("rmse") && json.has("mape") && json.has("seconds")).isTrue();
    assertThat(json.get("params").get("target").asString()).isEqualTo("log(price)");
    assertThat(CliRuns.fields(json))
        .containsExactly(
            "model",
            "r2",
            "mae",
            "rmse",
            "mape",
            "n_train",
            "n_test",
            "seconds",
            "params",
            "coverage",
            "testCoverage",
            "outOfFoldCoverage");
    assertThat(CliRuns.fields(json.get("params"))).containsExactly("target", "solver", "features");
    // the ranges, calibrated out of fold on the training part, cover each segment
    assertThat(json.get("coverage").get("0.9").asDouble()).isBetween(0.87, 0.93);
    assertThat(json.get("outOfFoldCoverage").get("rows").asInt()).isEqualTo(3991);
    for (JsonNode s : json.get("outOfFoldCoverage").get("segments")) {
      if (s.get("rows").asInt() >= 50) {
        assertThat(s.get("coverage").get("0.9").asDouble())
            .as(s.get("segment").asString())
            .isGreaterThanOrEqualTo(0.85);
      }
    }
    assertThat(r.err()).contains("rows kept:      4,989", "dropped (price <= 0): 10");
  }

  @Test
  void humanReadableOutputShowsTheReportAndTheMetrics() {
    Run r = run("evaluate", "--model", "linear");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains(
            "Data quality report",
            "R2    0.905388",
            "MAE   561.541431",
            "90% range covers",
            "coverage by segment",
            "clarity I1");
  }

  @Test
  void xgboostPrintsProgressPerTrial(@TempDir Path dir) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv"));
    Path small = dir.resolve("small.csv");
    Files.write(small, lines.subList(0, 700));
    Run r =
        run(
            "evaluate",
            "--model",
            "xgboost",
            "--data",
            small.toString(),
            "--trials",
            "3",
            "--json");
    assertThat(r.status()).isZero();
    assertThat(r.err()).contains("trial 1/3", "trial 3/3", "best validation MAE");
    JsonNode json = r.lastJson();
    assertThat(json.get("model").asString()).isEqualTo("xgboost");
    assertThat(json.get("params").has("n_estimators")).isTrue();
    assertThat(json.get("mae").asDouble()).isPositive();
    JsonNode tuning = json.get("tuning");
    assertThat(tuning.get("trials").asInt()).isEqualTo(3);
    assertThat(
            tuning.get("complete").asInt()
                + tuning.get("pruned").asInt()
                + tuning.get("failed").asInt())
        .isEqualTo(3);
    assertThat(tuning.get("complete").asInt()).isPositive();
    assertThat(tuning.get("trial_seconds").asDouble()).isPositive();
    assertThat(r.err()).containsPattern("tuning: 3 trials: \\d complete, \\d pruned, 0 failed");
  }

  @Nested
  class Failures {

    @Test
    void aBadFileExitsNonZeroWithTheReportOnStderr(@TempDir Path dir) throws Exception {
      Path bad = dir.resolve("bad.csv");
      Files.writeString(bad, "carat;cut;color\n1;Ideal;H\n");
      Run r = run("evaluate", "--model", "linear", "--data", bad.toString(), "--json");
      assertThat(r.status()).isEqualTo(EvaluateCommand.DATA_REJECTED);
      assertThat(r.err()).contains("REJECTED", "lacks the columns");
      assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownModelTypeListsTheAllowedOnes() {
      Run r = run("evaluate", "--model", "forest");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("unknown model type 'forest'", "linear, xgboost");
    }

    @Test
    void tooManyTrialsAreABadArgument() {
      Run r = run("evaluate", "--model", "xgboost", "--trials", "10001");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--trials: trials must be between 1 and 10000, not 10001");
    }

    @Test
    void aMissingFileIsABadArgument() {
      Run r = run("evaluate", "--model", "linear", "--data", "/nonexistent/file.csv");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("no such file");
    }

    @Test
    void theModelIsRequired() {
      Run r = run("evaluate");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--model");
    }
  }
}
