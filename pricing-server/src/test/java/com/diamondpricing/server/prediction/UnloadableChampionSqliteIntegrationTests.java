package com.diamondpricing.server.prediction;

import com.diamondpricing.server.support.SqliteDatabase;

/** UnloadableChampionIntegrationTests on SQLite. */
class UnloadableChampionSqliteIntegrationTests extends UnloadableChampionIntegrationTests
    implements SqliteDatabase {}
