package com.diamondpricing.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem answers in the OpenAPI document: the {@code Problem} and {@code FieldProblem} schemas
 * ({@link OpenApiProblemSchemas}), and one reusable response per status with a worked example
 * (several where a status has several codes). The examples are the answers the service gives, as
 * docs/errors.md lists them.
 */
final class OpenApiProblems {

  static final String PROBLEM = "Problem";
  static final String FIELD_PROBLEM = "FieldProblem";
  private static final String JSON =
      org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  private OpenApiProblems() {}

  static String responseRef(int status) {
    return "#/components/responses/Problem" + status;
  }

  static void addTo(Components components) {
    components.addSchemas(FIELD_PROBLEM, OpenApiProblemSchemas.fieldProblem());
    components.addSchemas(PROBLEM, OpenApiProblemSchemas.problem());
    response(
        components,
        400,
        "Bad request: a parameter or field has a value the API does not take, the body is not"
            + " JSON, or the path is spelled oddly.",
        example(
            "invalid-parameter",
            problem(
                    400,
                    "invalid-parameter",
                    "Invalid parameter",
                    "'cut' must be one of: Fair, Good, Very Good, Premium, Ideal")
                .with("field", "cut")
                .with("allowedValues", List.of("Fair", "Good", "Very Good", "Premium", "Ideal"))),
        example(
            "malformed-json",
            problem(
                400,
                "malformed-json",
                "Malformed JSON",
                "The request body is not valid JSON (line 1, column 12)")),
        example(
            "rejected-request",
            problem(
                400,
                "rejected-request",
                "Request rejected",
                "The request's path or headers are spelled in a way the service does not take.")));
    response(
        components,
        401,
        "The endpoint needs a bearer secret (the admin token or an API key), or the one sent"
            + " does not work.",
        example(
            "unauthorized",
            problem(
                401,
                "unauthorized",
                "Unauthorized",
                "This endpoint needs an API key with the sales role (or admin): send"
                    + " 'Authorization: Bearer <secret>'.")));
    response(
        components,
        403,
        "The key sent works but does not have the role the endpoint needs.",
        example(
            "forbidden",
            problem(
                403,
                "forbidden",
                "Forbidden",
                "This endpoint needs the admin token or an API key with the admin role; the key"
                    + " sent does not have that role.")));
    response(
        components,
        404,
        "Nothing has that id.",
        example(
            "model-not-found",
            problem(404, "model-not-found", "Model not found", "no model with id 42")),
        example(
            "run-not-found",
            problem(404, "run-not-found", "Training run not found", "no training run with id 7")));
    response(
        components,
        413,
        "The request body or the upload is larger than the endpoint takes.",
        example(
            "body-too-large",
            problem(
                413,
                "body-too-large",
                "Request body too large",
                "The request body is larger than 1048576 bytes, the most this endpoint takes.")),
        example(
            "upload-too-large",
            problem(
                413,
                "upload-too-large",
                "Upload too large",
                "The upload is larger than the server takes (268435456 bytes at most).")));
    response(
        components,
        409,
        "A run on stored data was asked for before any data was stored.",
        example(
            "no-data",
            problem(
                409,
                "no-data",
                "No data yet",
                "There is no data to train on yet: upload a CSV file first.")));
    response(
        components,
        415,
        "The body's media type or encoding is not one the endpoint takes.",
        example(
            "unsupported-media-type",
            problem(
                    415,
                    "unsupported-media-type",
                    "Unsupported Media Type",
                    "Content-Type 'text/plain' is not supported.")
                .with("allowedValues", List.of("application/json"))));
    response(
        components,
        422,
        "The body is JSON but fails validation: each bad field is listed.",
        example(
            "invalid-parameter",
            problem(422, "invalid-parameter", "Invalid parameter", "'carat' must be greater than 0")
                .with("field", "carat")
                .with("errors", List.of(fieldProblem("carat", "0", "must be greater than 0")))),
        example(
            "missing-feature",
            problem(
                    422,
                    "missing-feature",
                    "Missing feature",
                    "the linear model needs 'x', which is missing")
                .with("field", "x")
                .with(
                    "errors", List.of(fieldProblem("x", null, "is required by the chosen model")))),
        example(
            "unpriceable",
            problem(
                    422,
                    "unpriceable",
                    "Cannot price this stone",
                    "the model's answer for this stone (no number) is not a usable price: the stone"
                        + " is too far from every diamond it was trained on")
                .with("field", "carat")),
        example(
            "too-many-items",
            problem(
                    422,
                    "too-many-items",
                    "Too many items",
                    "explain=true takes at most 200 diamond(s) a request for this client, and this"
                        + " one has 10000: send fewer, or ask without explain")
                .with("field", "diamonds")
                .with("limit", 200)),
        example(
            "dataset-rejected",
            problem(
                422,
                "dataset-rejected",
                "Dataset rejected",
                "The data were rejected and nothing was stored: line 3, column 2: carat is not a"
                    + " number")));
    response(
        components,
        429,
        "The client has used its budget of priced items for now (diamonds.limits.*), or the"
            + " training queue is full; try again after Retry-After seconds.",
        example(
            "rate-limited",
            problem(
                    429,
                    "rate-limited",
                    "Too many priced items",
                    "This client may price 6000 items a minute (an explained diamond counts as"
                        + " several) and this request, 4000 item(s), is over what is left; try"
                        + " again in 7 s.")
                .with("limit", 6000)),
        example(
            "training-queue-full",
            problem(
                429,
                "training-queue-full",
                "Training queue full",
                "10 training runs are waiting already, the most the service queues; try again"
                    + " once one has started.")));
    components.getResponses().get("Problem429").addHeaderObject("Retry-After", retryAfter());
    response(
        components,
        503,
        "The database does not answer, no model is serving yet (or the champion cannot be loaded),"
            + " or nothing can be recorded (the disk is full); try again later.",
        example(
            "database-unavailable",
            problem(
                503,
                "database-unavailable",
                "Database unavailable",
                "The service cannot reach its database right now; try again in a few seconds.")),
        example(
            "no-champion",
            problem(
                503,
                "no-champion",
                "No model serving yet",
                "no model is serving yet: the first training has not finished")),
        example(
            "champion-unloadable",
            problem(
                    503,
                    "champion-unloadable",
                    "Champion cannot be loaded",
                    "the champion for all features, model 3 (xgboost v2), cannot be loaded: its"
                        + " stored artifact is damaged (not a readable xgboost model); an operator"
                        + " must restore it or promote another model")
                .with("modelId", 3)),
        example(
            "server-busy",
            problem(
                503,
                "server-busy",
                "Server busy",
                "Too many requests are waiting for their bodies to arrive; try again in a moment.")),
        example(
            "storage-full",
            problem(
                503,
                "storage-full",
                "Storage full",
                "The service cannot record requests right now (its disk or its request log's"
                    + " journal is full), so it answers none; try again later.")));
    components.getResponses().get("Problem503").addHeaderObject("Retry-After", retryAfter());
    response(
        components,
        408,
        "The request body did not arrive in time (diamonds.http.body-timeout); the connection is"
            + " closed.",
        example(
            "body-timeout",
            problem(
                408,
                "body-timeout",
                "Request body too slow",
                "The request body did not arrive in time; send it at once, with its headers.")));
    response(
        components,
        500,
        "An unexpected error of the server, logged with the errorId given.",
        example(
            "internal-error",
            problem(
                    500,
                    "internal-error",
                    "Internal server error",
                    "The server could not answer this request because of an unexpected error;"
                        + " it has been logged with the errorId given here.")
                .with("errorId", "3f1c2a9e-6d0b-4c55-9a53-2f3e0b7d9c11")));
  }

  private static Header retryAfter() {
    return new Header()
        .description("Seconds to wait before trying again")
        .schema(new IntegerSchema());
  }

  @SafeVarargs
  private static void response(
      Components components,
      int status,
      String description,
      Map.Entry<String, Example>... examples) {
    MediaType media =
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
    for (Map.Entry<String, Example> e : examples) {
      media.addExamples(e.getKey(), e.getValue());
    }
    components.addResponses(
        "Problem" + status,
        new ApiResponse()
            .description(description)
            .content(new Content().addMediaType(JSON, media)));
  }

  private static Map.Entry<String, Example> example(String name, ExampleProblem value) {
    return Map.entry(name, new Example().summary(name).value(value.body));
  }

  /** An example problem's JSON, in the order the service writes it. */
  private record ExampleProblem(Map<String, Object> body) {
    ExampleProblem with(String name, Object value) {
      body.put(name, value);
      return this;
    }
  }

  private static ExampleProblem problem(int status, String code, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", Problems.TYPE_BASE + code);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", "/api/v1/...");
    body.put(Problems.CODE, code);
    return new ExampleProblem(body);
  }

  private static Map<String, Object> fieldProblem(String field, String rejected, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("field", field);
    m.put("rejectedValue", rejected);
    m.put("message", message);
    return m;
  }
}
