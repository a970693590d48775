package com.diamondpricing.server.training;

import com.diamondpricing.server.support.SqliteDatabase;

/** FairChampionIntegrationTests on SQLite. */
class FairChampionSqliteIntegrationTests extends FairChampionIntegrationTests
    implements SqliteDatabase {}
