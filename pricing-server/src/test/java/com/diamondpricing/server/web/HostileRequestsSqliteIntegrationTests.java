package com.diamondpricing.server.web;

import com.diamondpricing.server.support.SqliteDatabase;

/** HostileRequestsIntegrationTests on SQLite. */
class HostileRequestsSqliteIntegrationTests extends HostileRequestsIntegrationTests
    implements SqliteDatabase {}
