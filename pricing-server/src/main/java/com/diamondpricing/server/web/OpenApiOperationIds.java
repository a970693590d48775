package com.diamondpricing.server.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.Locale;
import java.util.Map;

/**
 * Every operation's {@code operationId}, chosen for the clients generated from the document ({@code
 * listModels()}, not {@code list_3()}) and stable: springdoc's defaults are the handler methods'
 * names, numbered in whatever order it meets them. An operation not listed here keeps springdoc's
 * id, and {@code OpenApiDocumentIntegrationTests} fails until it is named.
 */
final class OpenApiOperationIds {

  static final Map<String, String> IDS =
      Map.ofEntries(
          Map.entry("POST /api/v1/predictions", "pricePrediction"),
          Map.entry("POST /api/v1/predictions/batch", "priceBatch"),
          Map.entry("GET /api/v1/diamonds/similar", "findSimilarDiamonds"),
          Map.entry("GET /api/v1/models", "listModels"),
          Map.entry("GET /api/v1/models/{id}", "getModel"),
          Map.entry("GET /api/v1/models/{id}/fit", "getModelFit"),
          Map.entry("GET /api/v1/models/{id}/plots/fit.png", "getModelFitPlot"),
          Map.entry("GET /api/v1/models/{id}/comparison", "compareModels"),
          Map.entry("GET /api/v1/models/{id}/live", "getModelLiveAccuracy"),
          Map.entry("GET /api/v1/models/{id}/artifact", "getModelArtifact"),
          Map.entry("POST /api/v1/models/{id}/promote", "promoteModel"),
          Map.entry("GET /api/v1/models/champion/history", "getChampionHistory"),
          Map.entry("GET /api/v1/training-runs", "listTrainingRuns"),
          Map.entry("POST /api/v1/training-runs", "startTrainingRun"),
          Map.entry("GET /api/v1/training-runs/{id}", "getTrainingRun"),
          Map.entry("GET /api/v1/datasets/current", "getCurrentDataset"),
          Map.entry("GET /api/v1/quotes", "listQuotes"),
          Map.entry("GET /api/v1/sales", "listSales"),
          Map.entry("POST /api/v1/sales", "reportSales"),
          Map.entry("GET /api/v1/sales/{id}", "getSale"),
          Map.entry("POST /api/v1/sales/{id}/corrections", "correctSale"),
          Map.entry("POST /api/v1/sales/{id}/void", "voidSale"),
          Map.entry("GET /api/v1/monitoring/live", "getDailyLiveAccuracy"),
          Map.entry("GET /api/v1/monitoring/drift", "getDrift"),
          Map.entry("GET /api/v1/keys", "listKeys"),
          Map.entry("POST /api/v1/keys", "createKey"),
          Map.entry("DELETE /api/v1/keys/{id}", "revokeKey"),
          Map.entry("GET /api/v1/request-log", "listRequestLog"));

  private OpenApiOperationIds() {}

  /** Names every listed operation of the document. */
  static void name(OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) -> {
              for (Map.Entry<PathItem.HttpMethod, Operation> e :
                  item.readOperationsMap().entrySet()) {
                String id = IDS.get(e.getKey().name().toUpperCase(Locale.ROOT) + " " + path);
                if (id != null) {
                  e.getValue().setOperationId(id);
                }
              }
            });
  }
}
