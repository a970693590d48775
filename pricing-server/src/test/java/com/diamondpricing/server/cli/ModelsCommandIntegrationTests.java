package com.diamondpricing.server.cli;

import static com.diamondpricing.server.cli.CliRuns.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.server.cli.CliRuns.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code diamonds models ...} on a registry filled once by {@code diamonds train} (linear and
 * xgboost with 3 trials on 700 rows of the bundled data).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelsCommandIntegrationTests {

  static final String[] SUMMARY_FIELDS = {
    "id",
    "type",
    "version",
    "featureSet",
    "champion",
    "createdAt",
    "runId",
    "snapshotId",
    "test",
    "nTrain",
    "nTest",
    "trainingSeconds",
    "servedRows"
  };

  @TempDir static Path dir;
  static Path home;
  static Path data;
  static long linear;
  static long xgboost;
  static long fourCs;
  static long champion;

  @BeforeAll
  static void train() throws Exception {
    home = dir.resolve("home");
    data = CliRuns.head(dir, "small.csv", 700);
    Run r =
        in(
            home,
            "train",
            "--data",
            data.toString(),
            "--models",
            "linear,xgboost",
            "--trials",
            "3",
            "--json");
    assertThat(r.status()).as(r.err()).isZero();
    for (JsonNode m : r.lastJson().get("models")) {
      long id = m.get("modelId").asLong();
      boolean every = m.get("featureSet").asString().equals("all");
      if (m.get("type").asString().equals("linear")) {
        linear = id;
      } else if (every) {
        xgboost = id;
      } else {
        fourCs = id;
      }
      if (m.get("promoted").asBoolean() && every) {
        champion = id;
      }
    }
    assertThat(linear).isPositive();
    assertThat(xgboost).isPositive();
    assertThat(fourCs).as("xgboost trains a model of the four Cs too").isPositive();
  }

  @Test
  @Order(1)
  void listShowsEveryModelWithTheChampionMarked() throws Exception {
    Run r = in(home, "models", "list");

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("id", "type", "version", "features", "created", "test MAE", "R2", "n_train");
    List<String> rows = r.outLines().stream().filter(l -> l.matches("^[* ]\\s+\\d+ .*")).toList();
    assertThat(rows).hasSize(3);
    assertThat(rows)
        .filteredOn(l -> l.startsWith("*"))
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).containsPattern("^\\*\\s+" + champion + " .* all "))
        .anySatisfy(l -> assertThat(l).containsPattern("^\\*\\s+" + fourCs + " .* four-cs "));
    assertThat(r.out()).contains("linear", "xgboost", "559", "699");

    JsonNode json = in(home, "models", "list", "--json").json();
    assertThat(json).hasSize(3);
    assertThat(CliRuns.fields(json.get(0))).containsExactly(SUMMARY_FIELDS);
    assertThat(CliRuns.fields(json.get(0).get("test")))
        .containsExactly("r2", "mae", "rmse", "mape");
    assertThat(json.get(0).get("id").asLong()).isEqualTo(Math.max(linear, fourCs));
    for (JsonNode m : json) {
      long id = m.get("id").asLong();
      assertThat(m.get("champion").asBoolean()).isEqualTo(id == champion || id == fourCs);
      assertThat(m.get("test").get("mae").asDouble()).isPositive();
      assertThat(m.get("nTrain").asInt()).isEqualTo(559);
      assertThat(m.get("servedRows").asInt()).as("refitted on every row").isEqualTo(699);
    }
  }

  @Test
  @Order(2)
  void showGivesMetricsParametersLibrariesAndTheBestTrials() throws Exception {
    JsonNode x = in(home, "models", "show", String.valueOf(xgboost), "--json").json();
    assertThat(x.get("type").asString()).isEqualTo("xgboost");
    assertThat(x.get("parameters").has("n_estimators")).isTrue();
    assertThat(x.get("validation").get("mae").asDouble()).isPositive();
    assertThat(x.get("libraries").toString()).contains("xgboost");
    assertThat(x.get("trialCount").asInt()).isEqualTo(3);
    assertThat(x.get("trials")).hasSize(3);
    assertThat(x.get("bestTrials").size()).isBetween(1, 3);
    assertThat(x.get("test").get("rmse").asDouble()).isPositive();
    assertThat(x.get("dataHash").asString()).isNotBlank();
    List<String> fields = new ArrayList<>(List.of(SUMMARY_FIELDS));
    fields.addAll(
        List.of(
            "parameters",
            "validation",
            "libraries",
            "artifactMediaType",
            "dataHash",
            "seed",
            "trainedAt",
            "trialCount",
            "trialStates",
            "bestTrials",
            "trials",
            "intervals",
            "outOfFoldCoverage",
            "testCoverage",
            "live"));
    assertThat(CliRuns.fields(x)).containsExactlyElementsOf(fields);
    assertThat(x.get("live").get("n").asInt()).as("no sales yet").isZero();
    assertThat(x.get("live").get("message").asString()).startsWith("not enough sales (0 of ");
    assertThat(x.get("seed").asLong()).isEqualTo(42);
    assertThat(java.time.Instant.parse(x.get("trainedAt").asString())).isNotNull();
    assertThat(CliRuns.fields(x.get("validation"))).containsExactly("r2", "mae", "rmse", "mape");
    int states = 0;
    for (JsonNode count : x.get("trialStates")) {
      states += count.asInt();
    }
    assertThat(states).isEqualTo(3);
    JsonNode trial = x.get("trials").get(0);
    assertThat(CliRuns.fields(trial))
        .containsExactly("number", "params", "state", "validationMae", "seconds");
    assertThat(trial.get("number").asInt()).isZero();
    assertThat(trial.get("params").has("max_depth")).isTrue();
    JsonNode bestTrial = x.get("bestTrials").get(0);
    assertThat(bestTrial.get("state").asString()).isEqualTo("COMPLETE");
    for (JsonNode t : x.get("trials")) {
      if (t.get("state").asString().equals("COMPLETE")) {
        assertThat(bestTrial.get("validationMae").asDouble())
            .isLessThanOrEqualTo(t.get("validationMae").asDouble());
      }
    }

    Run human = in(home, "models", "show", String.valueOf(xgboost));
    assertThat(human.status()).isZero();
    assertThat(human.out())
        .contains("Model " + xgboost + ": xgboost v1, all features")
        .contains("refitted on every row (699)", "coverage by segment", "clarity")
        .contains("test", "R2", "MAE", "RMSE", "MAPE")
        .contains("parameters", "n_estimators=", "max_depth=")
        .contains("validation", "libraries", "3 trials", "best trials:", "#");

    Run lin = in(home, "models", "show", String.valueOf(linear));
    assertThat(lin.out())
        .contains("linear v1", "none (this type does not tune)")
        .contains("target=log(price)", "solver=QR least squares")
        .containsPattern("validation +none");
    JsonNode l = in(home, "models", "show", String.valueOf(linear), "--json").json();
    assertThat(l.get("validation").isNull()).isTrue();
    assertThat(l.get("trialCount").asInt()).isZero();
    assertThat(l.get("trialStates").isEmpty()).isTrue();
    assertThat(l.get("trials").isEmpty()).isTrue();
    assertThat(l.get("parameters").get("target").asString()).isEqualTo("log(price)");
  }

  @Test
  @Order(3)
  void fitGivesTheTestRowsMetricsAndWritesThePlot() throws Exception {
    Path png = dir.resolve("plots/fit.png");

    Run r =
        in(
            home,
            "models",
            "fit",
            String.valueOf(xgboost),
            "--png",
            png.toString(),
            "--size",
            "300",
            "--points",
            "5",
            "--json");

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode fit = r.lastJson();
    JsonNode shown = in(home, "models", "show", String.valueOf(xgboost), "--json").lastJson();
    assertThat(fit.get("testRows").asInt()).isEqualTo(shown.get("nTest").asInt());
    assertThat(fit.get("mae").asDouble())
        .isCloseTo(
            shown.get("test").get("mae").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
    assertThat(fit.get("points")).hasSize(5);
    assertThat(r.err()).contains("Wrote the plot", png.toString());
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(300);

    Run human = in(home, "models", "fit", String.valueOf(linear));
    assertThat(human.status()).as(human.err()).isZero();
    assertThat(human.out()).startsWith("Model " + linear + ": linear v1 on its ").contains("MAE");
  }

  @Test
  @Order(3)
  void exportWritesTheStoredArtifact() throws Exception {
    Path file = dir.resolve("out/xgboost.json");

    Run r = in(home, "models", "export", String.valueOf(xgboost), file.toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("Wrote model " + xgboost + " (xgboost v1", file.toString());
    assertThat(in(home, "models", "export", String.valueOf(fourCs), file.toString()).out())
        .contains("Wrote model " + fourCs + " (xgboost v2");
    assertThat(CliRuns.JSON.readTree(Files.readString(file)).get("learner").get("feature_names"))
        .hasSize(4);
    String json = Files.readString(file);
    assertThat(json).contains("\"base_score\":\"").doesNotContain("\"base_score\":\"[");
    assertThat(CliRuns.JSON.readTree(json).has("learner")).isTrue();

    Path lin = dir.resolve("linear.json");
    assertThat(in(home, "models", "export", String.valueOf(linear), lin.toString()).status())
        .isZero();
    assertThat(Files.readString(lin)).contains("log(price)");
  }

  @Test
  @Order(4)
  void predictPricesEveryUsableRow() throws Exception {
    JsonNode p =
        in(home, "models", "predict", String.valueOf(xgboost), "--data", data.toString(), "--json")
            .json();

    assertThat(CliRuns.fields(p))
        .containsExactly("modelId", "type", "version", "rows", "prices", "predictions", "items");
    assertThat(p.get("modelId").asLong()).isEqualTo(xgboost);
    int rows = p.get("rows").asInt();
    assertThat(rows).isBetween(690, 700);
    assertThat(p.get("predictions")).hasSize(rows);
    assertThat(p.get("prices")).hasSize(rows);
    assertThat(p.get("predictions").get(0).asDouble()).isPositive();
    JsonNode first = p.get("items").get(0);
    assertThat(first.get("intervals")).hasSize(2);
    assertThat(first.has("explanation")).isFalse();
  }

  @Test
  @Order(4)
  void predictExplainsEachPriceWhenAsked() throws Exception {
    JsonNode p =
        in(
                home,
                "models",
                "predict",
                String.valueOf(xgboost),
                "--data",
                data.toString(),
                "--json",
                "--explain")
            .json();
    JsonNode first = p.get("items").get(0);
    JsonNode why = first.get("explanation");
    double total = why.get("baseline").asDouble();
    for (JsonNode c : why.get("contributions")) {
      total += c.asDouble();
    }
    assertThat(total).isCloseTo(first.get("price").asDouble(), within(0.005));
    assertThat(why.get("contributions").size()).isEqualTo(9);

    Run csv =
        in(
            home,
            "models",
            "predict",
            String.valueOf(xgboost),
            "--data",
            data.toString(),
            "--explain");
    String header = csv.out().lines().findFirst().orElseThrow();
    assertThat(header)
        .contains("lower_80,upper_80,lower_90,upper_90,warnings,baseline,contribution_carat")
        .endsWith("contribution_z,contribution_size");
    List<String> columns = List.of(header.split(","));
    String[] row = csv.out().lines().skip(1).findFirst().orElseThrow().split(",", -1);
    long size = 0;
    for (String part : List.of("carat", "x", "y", "z")) {
      size += Math.round(Double.parseDouble(row[columns.indexOf("contribution_" + part)]) * 100);
    }
    assertThat(Math.round(Double.parseDouble(row[row.length - 1]) * 100))
        .as("size is carat and the measurements together")
        .isEqualTo(size);
  }

  @Test
  @Order(5)
  void promoteMovesTheChampionAndHistoryRecordsWhy() throws Exception {
    long other = champion == linear ? xgboost : linear;

    Run r = in(home, "models", "promote", String.valueOf(other), "--reason", "cheaper to explain");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Model " + other, "is now the champion of all features (was " + champion);
    JsonNode list = in(home, "models", "list", "--json").json();
    List<Long> champions = new ArrayList<>();
    list.forEach(
        m -> {
          if (m.get("champion").asBoolean()) {
            champions.add(m.get("id").asLong());
          }
        });
    assertThat(champions).as("each feature set's").containsExactlyInAnyOrder(fourCs, other);

    Run again = in(home, "models", "promote", String.valueOf(other));
    assertThat(again.status()).isZero();
    assertThat(again.out()).contains("already the champion of all features; nothing changed");
    JsonNode unchanged = in(home, "models", "promote", String.valueOf(other), "--json").json();
    assertThat(CliRuns.fields(unchanged))
        .containsExactly("champion", "previous", "changed", "reason");
    assertThat(unchanged.get("champion").asLong()).isEqualTo(other);
    assertThat(unchanged.get("previous").asLong()).isEqualTo(other);
    assertThat(unchanged.get("changed").asBoolean()).isFalse();
    assertThat(unchanged.get("reason").isNull()).isTrue();

    JsonNode history = in(home, "models", "history", "--json").json();
    JsonNode last = history.get(history.size() - 1);
    assertThat(CliRuns.fields(last))
        .containsExactly(
            "id", "alias", "changedAt", "from", "to", "reason", "fromModel", "toModel");
    assertThat(last.get("alias").asString()).isEqualTo("champion");
    assertThat(last.get("toModel").asString()).startsWith(other + " (");
    assertThat(last.get("fromModel").asString()).startsWith(champion + " (");
    assertThat(last.get("to").asLong()).isEqualTo(other);
    assertThat(last.get("from").asLong()).isEqualTo(champion);
    assertThat(last.get("reason").asString()).isEqualTo("cheaper to explain");
    assertThat(last.get("changedAt").asString()).isNotBlank();
    assertThat(history.get(0).get("from").isNull()).isTrue();
    assertThat(history.get(0).get("reason").asString()).contains("first model");
    JsonNode fourCsHistory =
        in(home, "models", "history", "--features", "four-cs", "--json").json();
    assertThat(fourCsHistory).hasSize(1);
    assertThat(fourCsHistory.get(0).get("alias").asString()).isEqualTo("champion-four-cs");
    assertThat(fourCsHistory.get(0).get("to").asLong()).isEqualTo(fourCs);
    assertThat(in(home, "models", "history", "--features", "three-cs").status()).isEqualTo(2);

    Run human = in(home, "models", "history");
    assertThat(human.out())
        .contains("when", "from", "to", "why", "first model of all features: no champion yet")
        .contains("cheaper to explain");
  }

  @Nested
  class UnknownIds {

    @Test
    void showExits2() {
      Run r = in(home, "models", "show", "999");

      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("no model with id 999");
      assertThat(r.out()).isEmpty();
    }

    @Test
    void promoteExits2AndChangesNothing() throws Exception {
      int before = in(home, "models", "history", "--json").json().size();

      Run r = in(home, "models", "promote", "999");

      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("no model with id 999");
      assertThat(in(home, "models", "history", "--json").json()).hasSize(before);
    }

    @Test
    void exportExits2AndWritesNothing() {
      Path file = dir.resolve("never.json");

      Run r = in(home, "models", "export", "999", file.toString());

      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("no model with id 999");
      assertThat(file).doesNotExist();
    }

    @Test
    void fitExits2() {
      Run r = in(home, "models", "fit", "999");

      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("no model with id 999");
    }

    @Test
    void fitRefusesAPlotSizeOutOfRange() {
      Run r = in(home, "models", "fit", String.valueOf(linear), "--size", "20");

      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("--size must be between 200 and 2000, not 20");
    }

    @Test
    void aNonNumericIdIsABadArgument() {
      Run r = in(home, "models", "show", "abc");

      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("abc");
    }
  }
}
