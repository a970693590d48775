package com.diamondpricing.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.data.DropReason;
import com.diamondpricing.data.DroppedRow;
import com.diamondpricing.data.QualityReport;
import com.diamondpricing.data.RowProblem;
import com.diamondpricing.server.system.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A quality report as the API shows it and the database keeps it. */
class QualityReportViewTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static final QualityReport REPORT =
      new QualityReport(
          "bad.csv",
          4,
          1,
          Map.of(DropReason.NON_POSITIVE_PRICE, 1L),
          2,
          List.of(
              new RowProblem(3, "carat", "abc", "not a number"),
              new RowProblem(4, null, null, "too few columns")),
          "2 of 4 rows are malformed",
          List.of(new DroppedRow(2, DropReason.NON_POSITIVE_PRICE, "price", "-1")));

  @Test
  void theReportHasItsFieldsWithDroppedRowsByRule() {
    JsonNode json = JSON.readTree(Json.write(QualityReportView.of(REPORT)));

    assertThat(new ArrayList<>(json.propertyNames()))
        .containsExactly(
            "source",
            "accepted",
            "rejection",
            "rowsRead",
            "rowsKept",
            "dropped",
            "malformedRows",
            "problems",
            "rowsDropped",
            "droppedRows");
    assertThat(json.get("accepted").asBoolean()).isFalse();
    assertThat(json.get("rejection").asString()).isEqualTo("2 of 4 rows are malformed");
    assertThat(new ArrayList<>(json.get("dropped").propertyNames()))
        .containsExactly("x * y * z == 0", "price <= 0");
    assertThat(json.get("dropped").get("price <= 0").asLong()).isEqualTo(1);
    assertThat(json.get("dropped").get("x * y * z == 0").asLong()).isZero();
    JsonNode first = json.get("problems").get(0);
    assertThat(new ArrayList<>(first.propertyNames()))
        .containsExactly("line", "column", "value", "message");
    assertThat(first.get("line").asLong()).isEqualTo(3);
    assertThat(first.get("value").asString()).isEqualTo("abc");
    assertThat(json.get("problems").get(1).get("column").isNull()).isTrue();
  }

  @Test
  void everyDroppedRowIsReportedWithItsLineAndReason() {
    JsonNode json = JSON.readTree(Json.write(QualityReportView.of(REPORT)));

    assertThat(json.get("rowsDropped").asLong()).isEqualTo(1);
    JsonNode dropped = json.get("droppedRows").get(0);
    assertThat(new ArrayList<>(dropped.propertyNames()))
        .containsExactly("line", "rule", "column", "value", "message");
    assertThat(dropped.get("line").asLong()).isEqualTo(2);
    assertThat(dropped.get("rule").asString()).isEqualTo("price <= 0");
    assertThat(dropped.get("column").asString()).isEqualTo("price");
    assertThat(dropped.get("value").asString()).isEqualTo("-1");
    assertThat(dropped.get("message").asString()).contains("price -1 is not above 0");
  }

  @Test
  void aReportStoredBeforeDroppedRowsWereListedReadsWithNone() {
    String stored =
        "{\"source\":\"old.csv\",\"accepted\":true,\"rejection\":null,\"rowsRead\":3,"
            + "\"rowsKept\":2,\"dropped\":{\"x * y * z == 0\":0,\"price <= 0\":1},"
            + "\"malformedRows\":0,\"problems\":[]}";

    QualityReportView view = Json.read(stored, QualityReportView.class);

    assertThat(view.droppedRows()).isEmpty();
    assertThat(view.rowsDropped()).isEqualTo(1);
    assertThat(view.dropped()).containsEntry("price <= 0", 1L);
  }

  @Test
  void theStoredReportReadsBackEqual() {
    QualityReportView view = QualityReportView.of(REPORT);

    assertThat(Json.read(Json.write(view), QualityReportView.class)).isEqualTo(view);
  }
}
