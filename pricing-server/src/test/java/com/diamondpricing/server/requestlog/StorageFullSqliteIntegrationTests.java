package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.support.SqliteDatabase;

/** StorageFullIntegrationTests on SQLite. */
class StorageFullSqliteIntegrationTests extends StorageFullIntegrationTests
    implements SqliteDatabase {}
