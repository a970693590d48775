package com.diamondpricing.server.dataset;

import com.diamondpricing.server.support.PostgresDatabase;

/** CorruptCsvIntegrationTests on PostgreSQL. */
class CorruptCsvPostgresIntegrationTests extends CorruptCsvIntegrationTests
    implements PostgresDatabase {}
