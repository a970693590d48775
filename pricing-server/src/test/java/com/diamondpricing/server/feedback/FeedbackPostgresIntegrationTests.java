package com.diamondpricing.server.feedback;

import com.diamondpricing.server.support.PostgresDatabase;
import org.junit.jupiter.api.Nested;

/** FeedbackIntegrationTests on PostgreSQL. */
class FeedbackPostgresIntegrationTests extends FeedbackIntegrationTests
    implements PostgresDatabase {
  @Nested
  class Refused extends RefusedTests {}
}
