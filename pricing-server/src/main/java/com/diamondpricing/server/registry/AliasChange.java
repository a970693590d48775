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
    String keyId) {

  /** The change in the current row of {@code alias_change}. */
  static AliasChange of(java.sql.ResultSet rs) throws java.sql.SQLException {
    long from = rs.getLong("from_model_id");
    Long fromId = rs.wasNull() ? null : from;
    return new AliasChange(
        rs.getLong("id"),
        rs.getString("alias"),
        fromId,
        rs.getLong("to_model_id"),
        com.diamondpricing.server.system.SqlTimes.instant(rs.getTimestamp("changed_at")),
        rs.getString("reason"),
        rs.getString("key_id"));
  }
}
