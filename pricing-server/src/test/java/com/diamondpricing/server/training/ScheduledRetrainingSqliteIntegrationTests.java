package com.diamondpricing.server.training;

import com.diamondpricing.server.support.SqliteDatabase;

/** ScheduledRetrainingIntegrationTests on SQLite. */
class ScheduledRetrainingSqliteIntegrationTests extends ScheduledRetrainingIntegrationTests
    implements SqliteDatabase {}
