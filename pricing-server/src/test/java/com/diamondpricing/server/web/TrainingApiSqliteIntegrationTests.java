package com.diamondpricing.server.web;

import com.diamondpricing.server.support.SqliteDatabase;
import org.junit.jupiter.api.Nested;

/** TrainingApiIntegrationTests on SQLite. */
class TrainingApiSqliteIntegrationTests extends TrainingApiIntegrationTests
    implements SqliteDatabase {
  @Nested
  class BadData extends BadDataTests {}

  @Nested
  class BadParameters extends BadParameterTests {}

  @Nested
  class NotFound extends NotFoundTests {}
}
