package com.diamondpricing.server.training;

import com.diamondpricing.server.support.PostgresDatabase;

/** ScheduledRetrainingIntegrationTests on PostgreSQL. */
class ScheduledRetrainingPostgresIntegrationTests extends ScheduledRetrainingIntegrationTests
    implements PostgresDatabase {}
