package com.diamondpricing.server.prediction;

import com.diamondpricing.server.support.SqliteDatabase;
import org.junit.jupiter.api.Nested;

/** PredictionApiIntegrationTests on SQLite. */
class PredictionApiSqliteIntegrationTests extends PredictionApiIntegrationTests
    implements SqliteDatabase {
  @Nested
  class BadRequests extends BadRequestTests {}
}
