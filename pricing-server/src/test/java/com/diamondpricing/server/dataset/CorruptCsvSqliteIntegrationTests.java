package com.diamondpricing.server.dataset;

import com.diamondpricing.server.support.SqliteDatabase;

/** CorruptCsvIntegrationTests on SQLite. */
class CorruptCsvSqliteIntegrationTests extends CorruptCsvIntegrationTests
    implements SqliteDatabase {}
