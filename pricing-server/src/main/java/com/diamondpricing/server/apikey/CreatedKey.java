package com.diamondpricing.server.apikey;

import io.swagger.v3.oas.annotations.media.Schema;

/** A key just created, with its secret: the only time the secret is shown. */
@Schema(description = "A new key and its secret, shown this once: only a hash of it is kept")
public record CreatedKey(
    ApiKeyView key,
    @Schema(
            description =
                "send it as 'Authorization: Bearer <secret>'; it cannot be shown again (revoke"
                    + " the key and create another if it is lost)",
            example = "dpk_k_4f9c2a7d1e_9Jx2lq0cVv3k6b4hQw7nR8tZsY1pA5eD0fG2hJ3kL4m")
        String secret) {}
