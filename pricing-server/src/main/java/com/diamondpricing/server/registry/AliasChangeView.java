package com.diamondpricing.server.registry;

import java.time.Instant;

/**
 * One recorded move of an alias.
 *
 * @param id the change's id
 * @param alias the alias, e.g. champion
 * @param fromModelId the model it pointed at before, or null
 * @param toModelId the model it points at since
 * @param changedAt when
 * @param reason why, in words
 * @param keyId who moved it by hand (a key id, admin-token, cli), or null for the pipeline
 */
record AliasChangeView(
    long id,
    String alias,
    Long fromModelId,
    long toModelId,
    Instant changedAt,
    String reason,
    @io.swagger.v3.oas.annotations.media.Schema(
            description =
                "who moved it by hand: a key id, admin-token or cli; null when the training"
                    + " pipeline did",
            example = "k_4f9c2a7d1e",
            nullable = true)
        String keyId) {

  static AliasChangeView of(AliasChange c) {
    return new AliasChangeView(
        c.id(), c.alias(), c.fromModelId(), c.toModelId(), c.changedAt(), c.reason(), c.keyId());
  }
}
