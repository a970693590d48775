package com.diamondpricing.server.web;

import com.diamondpricing.server.support.PostgresDatabase;
import org.junit.jupiter.api.Nested;

/** TrainingApiIntegrationTests on PostgreSQL. */
class TrainingApiPostgresIntegrationTests extends TrainingApiIntegrationTests
    implements PostgresDatabase {
  @Nested
  class BadData extends BadDataTests {}

  @Nested
  class BadParameters extends BadParameterTests {}

  @Nested
  class NotFound extends NotFoundTests {}
}
