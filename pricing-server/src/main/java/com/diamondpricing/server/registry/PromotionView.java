package com.diamondpricing.server.registry;

import java.time.Instant;

/**
 * The answer to a manual promotion.
 *
 * @param changed whether the alias moved (false when the model already was the champion)
 * @param alias the alias, champion
 * @param fromModelId the model it pointed at before
 * @param toModelId the model it points at now
 * @param changedAt when it moved, or null when it did not
 * @param reason the recorded reason, or why nothing changed
 */
record PromotionView(
    boolean changed,
    String alias,
    Long fromModelId,
    long toModelId,
    Instant changedAt,
    String reason) {

  static PromotionView changed(AliasChange c) {
    return new PromotionView(
        true, c.alias(), c.fromModelId(), c.toModelId(), c.changedAt(), c.reason());
  }

  static PromotionView unchanged(String alias, long modelId) {
    return new PromotionView(
        false, alias, modelId, modelId, null, "model " + modelId + " already is the " + alias);
  }
}
