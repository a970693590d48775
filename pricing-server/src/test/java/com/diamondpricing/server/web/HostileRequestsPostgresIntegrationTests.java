package com.diamondpricing.server.web;

import com.diamondpricing.server.support.PostgresDatabase;

/** HostileRequestsIntegrationTests on PostgreSQL. */
class HostileRequestsPostgresIntegrationTests extends HostileRequestsIntegrationTests
    implements PostgresDatabase {}
