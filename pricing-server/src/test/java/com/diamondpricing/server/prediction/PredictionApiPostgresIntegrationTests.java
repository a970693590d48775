package com.diamondpricing.server.prediction;

import com.diamondpricing.server.support.PostgresDatabase;
import org.junit.jupiter.api.Nested;

/** PredictionApiIntegrationTests on PostgreSQL. */
class PredictionApiPostgresIntegrationTests extends PredictionApiIntegrationTests
    implements PostgresDatabase {
  @Nested
  class BadRequests extends BadRequestTests {}
}
