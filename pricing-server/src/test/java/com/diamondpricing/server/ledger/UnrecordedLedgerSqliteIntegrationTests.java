package com.diamondpricing.server.ledger;

import com.diamondpricing.server.support.SqliteDatabase;

/** UnrecordedLedgerIntegrationTests on SQLite. */
class UnrecordedLedgerSqliteIntegrationTests extends UnrecordedLedgerIntegrationTests
    implements SqliteDatabase {}
