package com.diamondpricing.server.training;

import com.diamondpricing.server.support.SqliteDatabase;

/** FailingRunIntegrationTests on SQLite. */
class FailingRunSqliteIntegrationTests extends FailingRunIntegrationTests
    implements SqliteDatabase {}
