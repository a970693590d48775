package com.diamondpricing.server.registry;

/**
 * The optional JSON body of a manual promotion.
 *
 * @param reason why, in words; "promoted by hand" when absent
 */
record PromoteRequest(String reason) {}
