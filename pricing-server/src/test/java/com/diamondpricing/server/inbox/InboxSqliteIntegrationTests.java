package com.diamondpricing.server.inbox;

import com.diamondpricing.server.support.SqliteDatabase;

/** InboxIntegrationTests on SQLite. */
class InboxSqliteIntegrationTests extends InboxIntegrationTests implements SqliteDatabase {}
