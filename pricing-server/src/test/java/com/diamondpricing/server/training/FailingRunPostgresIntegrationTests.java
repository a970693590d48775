package com.diamondpricing.server.training;

import com.diamondpricing.server.support.PostgresDatabase;

/** FailingRunIntegrationTests on PostgreSQL. */
class FailingRunPostgresIntegrationTests extends FailingRunIntegrationTests
    implements PostgresDatabase {}
