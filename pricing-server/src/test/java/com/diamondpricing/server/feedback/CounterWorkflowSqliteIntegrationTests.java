package com.diamondpricing.server.feedback;

import com.diamondpricing.server.support.SqliteDatabase;
import org.junit.jupiter.api.Nested;

/** CounterWorkflowIntegrationTests on SQLite. */
class CounterWorkflowSqliteIntegrationTests extends CounterWorkflowIntegrationTests
    implements SqliteDatabase {
  @Nested
  class Refused extends RefusedTests {}
}
