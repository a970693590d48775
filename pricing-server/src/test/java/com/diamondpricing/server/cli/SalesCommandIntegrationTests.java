package com.diamondpricing.server.cli;

import static com.diamondpricing.server.cli.CliRuns.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.cli.CliRuns.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code diamonds sales import FILE}: a sales file recorded idempotently, a bad one rejected with
 * each bad field's line and column and nothing recorded.
 */
class SalesCommandIntegrationTests {

  static final String HEADER =
      "prediction_id,actual_price,sold_at,carat,cut,color,clarity,depth,table,x,y,z\n";
  static final String TWO_STONES =
      HEADER
          + ",4200,2026-03-02T10:00:00Z,1.01,Ideal,G,VS2,61.8,56,6.42,6.45,3.98\n"
          + ",950.5,2026-03-03T10:00:00+01:00,0.41,Premium,E,SI1,62.0,58,4.75,4.77,2.95\n";

  @TempDir Path dir;

  @Test
  void aFileIsRecordedOnceHoweverOftenItIsImported() throws Exception {
    Path home = dir.resolve("home");
    Path file = Files.writeString(dir.resolve("sales.csv"), TWO_STONES);

    Run first = in(home, "sales", "import", file.toString());
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("sales.csv: 2 sales, 2 recorded, 0 duplicates (recorded before), 0 attributed");

    Run again = in(home, "sales", "import", file.toString(), "--json");
    assertThat(again.status()).as(again.err()).isZero();
    JsonNode r = again.lastJson();
    assertThat(r.get("rows").asInt()).isEqualTo(2);
    assertThat(r.get("recorded").asInt()).isZero();
    assertThat(r.get("duplicates").asInt()).isEqualTo(2);
    assertThat(r.get("outcomes").get(0).get("status").asString()).isEqualTo("duplicate");
  }

  @Test
  void aSaleIsCorrectedAndVoidedWithItsHistoryKept() throws Exception {
    Path home = dir.resolve("home3");
    Path file = Files.writeString(dir.resolve("sales.csv"), TWO_STONES);
    assertThat(in(home, "sales", "import", file.toString()).status()).isZero();
    JsonNode listed = in(home, "sales", "list", "--json").lastJson();
    assertThat(listed).hasSize(2);
    long first = listed.get(1).get("id").asLong();

    Run corrected =
        in(home, "sales", "correct", Long.toString(first), "--price", "4250", "--reason", "typo");
    assertThat(corrected.status()).as(corrected.err()).isZero();
    assertThat(corrected.out())
        .contains("corrected", "$4,250.00", "1  ", "recorded", "$4,200.00", "by cli: typo");
    Run voided = in(home, "sales", "void", Long.toString(first), "--reason", "returned", "--json");
    assertThat(voided.status()).as(voided.err()).isZero();
    assertThat(voided.lastJson().get("status").asString()).isEqualTo("voided");
    assertThat(voided.lastJson().get("history")).hasSize(3);

    Run again = in(home, "sales", "void", Long.toString(first), "--reason", "twice");
    assertThat(again.status()).isEqualTo(SaleCommands.CONFLICT);
    assertThat(again.err()).contains("was voided");
    Run unknown = in(home, "sales", "correct", "999", "--price", "1", "--reason", "x");
    assertThat(unknown.status()).isEqualTo(SaleCommands.UNKNOWN_SALE);
    Run nothing = in(home, "sales", "correct", Long.toString(first + 1), "--reason", "x");
    assertThat(nothing.status()).isEqualTo(2);
    assertThat(nothing.err()).contains("give --price, --sold-at or both");
  }

  @Test
  void driftAndLiveAccuracyOfTheChampionSayThereIsNotEnoughDataYet() throws Exception {
    Path home = dir.resolve("home5");
    Path data = CliRuns.head(dir, "small.csv", 400);
    assertThat(in(home, "train", "--data", data.toString(), "--models", "linear").status())
        .isZero();

    Run r = in(home, "monitoring", "drift", "--json");

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode drift = r.lastJson();
    assertThat(drift.get("type").asString()).isEqualTo("linear");
    assertThat(drift.get("predictions").asInt()).isZero();
    assertThat(drift.get("features")).hasSize(9);
    assertThat(drift.get("features").get(0).get("label").asString()).isEqualTo("not enough data");
    Run text = in(home, "monitoring", "drift");
    assertThat(text.out())
        .startsWith("Drift against linear v1 (model 1)")
        .contains("not enough data");
    Run unknown = in(home, "monitoring", "drift", "--model", "99");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("no model with id 99");

    // the champion's live bias and coverage: nothing it priced has sold yet
    Run live = in(home, "monitoring", "live", "--json");
    assertThat(live.status()).as(live.err()).isZero();
    JsonNode views = live.lastJson();
    assertThat(views).hasSize(1);
    assertThat(views.get(0).get("modelId").asLong()).isEqualTo(1);
    assertThat(views.get(0).get("checks")).isEmpty();
    assertThat(views.get(0).get("message").asString()).isEqualTo("not enough sales (0 of 30)");
    Run liveText = in(home, "monitoring", "live");
    assertThat(liveText.out())
        .startsWith("linear v1 (model 1), sold ")
        .contains(": 0 sales", "  not enough sales (0 of 30)");
    Run liveUnknown = in(home, "monitoring", "live", "--model", "99");
    assertThat(liveUnknown.status()).isEqualTo(2);
    assertThat(liveUnknown.err()).startsWith("monitoring live: ").contains("no model with id 99");
  }

  @Nested
  class Rejected {

    @Test
    void badFieldsAreNamedByLineAndColumnAndNothingIsRecorded() throws Exception {
      Path home = dir.resolve("home2");
      Path bad =
          Files.writeString(
              dir.resolve("bad.csv"),
              TWO_STONES + ",12,not-a-time,0.3,Good,Q,VS1,61,57,4.3,4.3,2.6\n");

      Run r = in(home, "sales", "import", bad.toString());

      assertThat(r.status()).isEqualTo(SalesCommand.REJECTED);
      assertThat(r.err())
          .contains("bad.csv rejected, nothing recorded:")
          .contains("line 4, column 'sold_at', value 'not-a-time'")
          .contains("line 4, column 'color', value 'Q': not a known color");
      Path good = Files.writeString(dir.resolve("good.csv"), TWO_STONES);
      assertThat(in(home, "sales", "import", good.toString()).out()).contains("2 recorded");
    }

    @Test
    void aHeaderWithoutThePriceIsRejected() throws Exception {
      Path file =
          Files.writeString(
              dir.resolve("h.csv"), "prediction_id,sold_at\nabc,2026-01-01T00:00:00Z\n");

      Run r = in(dir.resolve("home3"), "sales", "import", file.toString());

      assertThat(r.status()).isEqualTo(SalesCommand.REJECTED);
      assertThat(r.err()).contains("line 1: the header lacks the column actual_price");
    }

    @Test
    void aMissingFileIsABadArgument() {
      Run r = in(dir.resolve("home4"), "sales", "import", dir.resolve("none.csv").toString());

      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("no such file");
    }
  }
}
