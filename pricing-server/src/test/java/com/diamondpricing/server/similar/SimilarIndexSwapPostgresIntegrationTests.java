package com.diamondpricing.server.similar;

import com.diamondpricing.server.support.PostgresDatabase;

/** SimilarIndexSwapIntegrationTests on PostgreSQL. */
class SimilarIndexSwapPostgresIntegrationTests extends SimilarIndexSwapIntegrationTests
    implements PostgresDatabase {}
