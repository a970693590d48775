package com.diamondpricing.server.prediction;

import com.diamondpricing.server.support.SqliteDatabase;

/** VariantPricingIntegrationTests on SQLite. */
class VariantPricingSqliteIntegrationTests extends VariantPricingIntegrationTests
    implements SqliteDatabase {}
