package com.diamondpricing.server.apikey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The keys, for the admin: create (the secret shown once), list, revoke. */
@RestController
@RequestMapping(ApiKeyController.KEYS)
@Tag(
    name = "Keys",
    description =
        "API keys, one per job, each with a role: sales (report, correct and void sales; read the"
            + " quotes and sales) or admin (everything). Admin only. A key's secret is shown once,"
            + " when it is created; only a hash of it is kept.")
class ApiKeyController {

  static final String KEYS = "/api/v1/keys";

  private final ApiKeys keys;

  ApiKeyController(ApiKeys keys) {
    this.keys = keys;
  }

  /**
   * A key to create.
   *
   * @param name what the key is for, 1 to 100 characters
   * @param role sales or admin
   */
  @Schema(description = "A key to create")
  record NewKey(
      @Schema(
              description = "what the key is for, 1 to 100 characters",
              example = "till 1, front counter",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String name,
      @Schema(
              description = "what it may do",
              allowableValues = {"sales", "admin"},
              example = "sales",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String role) {}

  @GetMapping
  @Operation(summary = "List the keys", description = "Every key, newest first; never a secret.")
  List<ApiKeyView> list() {
    return keys.list();
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a key",
      description =
          "Creates a key with a role and answers its secret, this once: only a SHA-256 of it is"
              + " kept. Send it as 'Authorization: Bearer <secret>'. The request log records the"
              + " key's id, never the secret.")
  CreatedKey create(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              value =
                                  "{\"name\": \"till 1, front counter\", \"role\": \"sales\"}")))
          @RequestBody
          NewKey body,
      Principal principal) {
    return keys.create(body.name(), body.role(), principal.getName());
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Revoke a key",
      description =
          "The key stops working at once; it stays listed, with when and by whom it was revoked."
              + " Revoking a revoked key changes nothing.")
  ApiKeyView revoke(@PathVariable("id") String id, Principal principal) {
    return keys.revoke(id, principal.getName());
  }
}
