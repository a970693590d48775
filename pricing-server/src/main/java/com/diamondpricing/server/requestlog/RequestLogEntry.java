package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.ledger.AnsweringModel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One recorded request and its response, as read back from {@code request_log}. */
@Schema(description = "A recorded request and its response")
public record RequestLogEntry(
    long id,
    @Schema(description = "the X-Request-Id echoed to the client") String requestId,
    Instant receivedAt,
    String method,
    @Schema(description = "the path the request was routed on (decoded, normalised)") String path,
    @Schema(description = "the path as the client spelled it, when that differs from path")
        String rawPath,
    String query,
    @Schema(description = "the client's address") String client,
    String userAgent,
    String requestContentType,
    @Schema(description = "the request body (as text; on PostgreSQL JSON comes back normalized)")
        String requestBody,
    boolean requestBodyTruncated,
    int status,
    String responseContentType,
    String responseBody,
    boolean responseBodyTruncated,
    double durationMs,
    @Schema(description = "the model that answered, for prices") AnsweringModel model,
    @Schema(description = "the problem's code, for failures") String errorCode,
    @Schema(
            description =
                "the id of the API key the request was made with (admin-token for the bootstrap"
                    + " token); null when anonymous. Never the secret.",
            example = "k_4f9c2a7d1e")
        String keyId) {}
