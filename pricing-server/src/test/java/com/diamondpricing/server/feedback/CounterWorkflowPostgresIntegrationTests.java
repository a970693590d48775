package com.diamondpricing.server.feedback;

import com.diamondpricing.server.support.PostgresDatabase;
import org.junit.jupiter.api.Nested;

/** CounterWorkflowIntegrationTests on PostgreSQL. */
class CounterWorkflowPostgresIntegrationTests extends CounterWorkflowIntegrationTests
    implements PostgresDatabase {
  @Nested
  class Refused extends RefusedTests {}
}
