package com.diamondpricing.server.training;

import com.diamondpricing.server.support.SqliteDatabase;
import org.junit.jupiter.api.Nested;

/** PipelineIntegrationTests on SQLite. */
class PipelineSqliteIntegrationTests extends PipelineIntegrationTests implements SqliteDatabase {
  @Nested
  class Refusals extends RefusalTests {}
}
