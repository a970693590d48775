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
 */
public record AliasChange(
    long id, String alias, Long fromModelId, long toModelId, Instant changedAt, String reason) {}
