package com.diamondpricing.server.feedback;

import com.diamondpricing.server.support.SqliteDatabase;
import org.junit.jupiter.api.Nested;

/** FeedbackIntegrationTests on SQLite. */
class FeedbackSqliteIntegrationTests extends FeedbackIntegrationTests implements SqliteDatabase {
  @Nested
  class Refused extends RefusedTests {}
}
