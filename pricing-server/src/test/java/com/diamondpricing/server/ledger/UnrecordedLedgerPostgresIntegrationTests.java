package com.diamondpricing.server.ledger;

import com.diamondpricing.server.support.PostgresDatabase;

/** UnrecordedLedgerIntegrationTests on PostgreSQL. */
class UnrecordedLedgerPostgresIntegrationTests extends UnrecordedLedgerIntegrationTests
    implements PostgresDatabase {}
