package com.diamondpricing.server.training;

import com.diamondpricing.server.support.PostgresDatabase;
import org.junit.jupiter.api.Nested;

/** PipelineIntegrationTests on PostgreSQL. */
class PipelinePostgresIntegrationTests extends PipelineIntegrationTests
    implements PostgresDatabase {
  @Nested
  class Refusals extends RefusalTests {}
}
