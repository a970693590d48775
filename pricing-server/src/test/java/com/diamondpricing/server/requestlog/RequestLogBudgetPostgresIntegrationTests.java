package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.support.PostgresDatabase;

/** RequestLogBudgetIntegrationTests on PostgreSQL. */
class RequestLogBudgetPostgresIntegrationTests extends RequestLogBudgetIntegrationTests
    implements PostgresDatabase {}
