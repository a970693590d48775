package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.support.SqliteDatabase;
import org.junit.jupiter.api.Nested;

/** RequestLogIntegrationTests on SQLite. */
class RequestLogSqliteIntegrationTests extends RequestLogIntegrationTests
    implements SqliteDatabase {
  @Nested
  class Failures extends FailureTests {}
}
