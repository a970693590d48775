package com.diamondpricing.server.training;

import com.diamondpricing.server.support.PostgresDatabase;

/** FairChampionIntegrationTests on PostgreSQL. */
class FairChampionPostgresIntegrationTests extends FairChampionIntegrationTests
    implements PostgresDatabase {}
