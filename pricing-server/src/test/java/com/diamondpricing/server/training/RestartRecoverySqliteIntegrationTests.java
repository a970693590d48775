package com.diamondpricing.server.training;

import com.diamondpricing.server.support.SqliteDatabase;
import org.junit.jupiter.api.Nested;

/** RestartRecoveryIntegrationTests on SQLite. */
class RestartRecoverySqliteIntegrationTests extends RestartRecoveryIntegrationTests
    implements SqliteDatabase {
  @Nested
  class LiveServers extends LiveServerTests {}
}
