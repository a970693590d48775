package com.diamondpricing.server.ledger;

/**
 * The model that answered a request: what the request log records with the request, and the model a
 * recorded prediction is attributed to.
 *
 * @param id the model's id in the registry
 * @param type its type, e.g. {@code xgboost-log}
 * @param version its version within the type
 */
public record AnsweringModel(long id, String type, int version) {}
