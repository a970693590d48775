package com.diamondpricing.server.training;

import com.diamondpricing.server.support.PostgresDatabase;
import org.junit.jupiter.api.Nested;

/** RestartRecoveryIntegrationTests on PostgreSQL. */
class RestartRecoveryPostgresIntegrationTests extends RestartRecoveryIntegrationTests
    implements PostgresDatabase {
  @Nested
  class LiveServers extends LiveServerTests {}
}
