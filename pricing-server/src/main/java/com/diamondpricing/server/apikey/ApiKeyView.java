package com.diamondpricing.server.apikey;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A key as anyone may see it: never its secret. */
@Schema(description = "An API key, without its secret")
public record ApiKeyView(
    @Schema(
            description = "the key's public id: named in the request log and the histories",
            example = "k_4f9c2a7d1e")
        String id,
    @Schema(description = "what the key is for", example = "till 1, front counter") String name,
    @Schema(
            description = "what it may do",
            allowableValues = {"sales", "admin"},
            example = "sales")
        String role,
    @Schema(example = "2026-12-07T10:15:00Z") Instant createdAt,
    @Schema(description = "the key id (or admin-token) that created it", example = "admin-token")
        String createdBy,
    @Schema(description = "when it was revoked; null while it works", nullable = true)
        Instant revokedAt,
    @Schema(description = "who revoked it", nullable = true) String revokedBy) {

  /** Whether the key still works. */
  public boolean active() {
    return revokedAt == null;
  }
}
