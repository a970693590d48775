package com.diamondpricing.server.similar;

import com.diamondpricing.server.support.SqliteDatabase;

/** SimilarIndexSwapIntegrationTests on SQLite. */
class SimilarIndexSwapSqliteIntegrationTests extends SimilarIndexSwapIntegrationTests
    implements SqliteDatabase {}
