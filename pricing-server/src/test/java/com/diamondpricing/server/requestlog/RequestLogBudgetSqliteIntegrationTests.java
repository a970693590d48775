package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.support.SqliteDatabase;

/** RequestLogBudgetIntegrationTests on SQLite. */
class RequestLogBudgetSqliteIntegrationTests extends RequestLogBudgetIntegrationTests
    implements SqliteDatabase {}
