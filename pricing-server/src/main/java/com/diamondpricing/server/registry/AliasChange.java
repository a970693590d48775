package com.diamondpricing.server.registry;

import java.time.Instant;

/**
 * One move of an alias, kept forever.
 *
 * @param id the change's id
 * @param alias the alias, e.g. {@code champion}
 * @param fromModelId the model it pointed at before, or null
 * @param toModelId the model it points at since
 * @param changedAt when
 * @param reason why, in words
 * @param keyId who moved it by hand (a key id, admin-token, cli), or null for the pipeline
 */
public record AliasChange(
    long id,
    String alias,
    Long fromModelId,
    long toModelId,
    Instant changedAt,
    String reason,
    String keyId) {}
