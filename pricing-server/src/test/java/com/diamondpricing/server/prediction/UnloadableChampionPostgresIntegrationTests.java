package com.diamondpricing.server.prediction;

import com.diamondpricing.server.support.PostgresDatabase;

/** UnloadableChampionIntegrationTests on PostgreSQL. */
class UnloadableChampionPostgresIntegrationTests extends UnloadableChampionIntegrationTests
    implements PostgresDatabase {}
