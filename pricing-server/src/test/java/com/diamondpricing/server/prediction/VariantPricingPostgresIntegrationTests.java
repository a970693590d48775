package com.diamondpricing.server.prediction;

import com.diamondpricing.server.support.PostgresDatabase;

/** VariantPricingIntegrationTests on PostgreSQL. */
class VariantPricingPostgresIntegrationTests extends VariantPricingIntegrationTests
    implements PostgresDatabase {}
