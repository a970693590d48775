package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.support.PostgresDatabase;
import org.junit.jupiter.api.Nested;

/** RequestLogIntegrationTests on PostgreSQL. */
class RequestLogPostgresIntegrationTests extends RequestLogIntegrationTests
    implements PostgresDatabase {
  @Nested
  class Failures extends FailureTests {}
}
