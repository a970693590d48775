package com.diamondpricing.server.inbox;

import com.diamondpricing.server.support.PostgresDatabase;

/** InboxIntegrationTests on PostgreSQL. */
class InboxPostgresIntegrationTests extends InboxIntegrationTests implements PostgresDatabase {}
