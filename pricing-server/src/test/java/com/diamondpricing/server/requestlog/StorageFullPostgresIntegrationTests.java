package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.support.PostgresDatabase;

/** StorageFullIntegrationTests on PostgreSQL. */
class StorageFullPostgresIntegrationTests extends StorageFullIntegrationTests
    implements PostgresDatabase {}
