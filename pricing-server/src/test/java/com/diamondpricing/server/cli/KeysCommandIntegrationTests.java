package com.diamondpricing.server.cli;

import static com.diamondpricing.server.cli.CliRuns.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.cli.CliRuns.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code diamonds keys}: a key created with its secret printed once, listed without it in aligned
 * columns, revoked; bad arguments and unknown ids refused.
 */
class KeysCommandIntegrationTests {

  @TempDir Path dir;

  @Test
  void aKeyIsCreatedListedWithoutItsSecretAndRevoked() throws Exception {
    Path home = dir.resolve("home");
    Run created = in(home, "keys", "create", "--name", "till 1", "--role", "sales", "--json");
    assertThat(created.status()).as(created.err()).isZero();
    JsonNode json = created.lastJson();
    String secret = json.get("secret").asString();
    String id = json.get("key").get("id").asString();
    assertThat(secret).startsWith("dpk_" + id + "_");
    assertThat(json.get("key").get("role").asString()).isEqualTo("sales");
    assertThat(json.get("key").get("createdBy").asString()).isEqualTo("cli");

    Run text = in(home, "keys", "create", "--name", "retraining script", "--role", "admin");
    assertThat(text.out()).contains("shown this once", "dpk_k_");

    Run list = in(home, "keys", "list");
    assertThat(list.status()).isZero();
    assertThat(list.out()).doesNotContain(secret).contains(id, "till 1", "sales", "active");
    String[] lines = list.out().strip().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[1].indexOf("admin"))
        .as("aligned columns")
        .isEqualTo(lines[2].indexOf("sales"));

    Run revoked = in(home, "keys", "revoke", id, "--json");
    assertThat(revoked.status()).as(revoked.err()).isZero();
    assertThat(revoked.lastJson().get("revokedBy").asString()).isEqualTo("cli");
    assertThat(in(home, "keys", "list").out()).contains("revoked");
  }

  @Nested
  class Refused {

    @Test
    void anUnknownRoleABlankNameAndAnUnknownIdAreRefused() throws Exception {
      Path home = dir.resolve("home2");
      Run role = in(home, "keys", "create", "--name", "x", "--role", "owner");
      assertThat(role.status()).isEqualTo(2);
      assertThat(role.err()).contains("role must be one of sales, admin");
      Run name = in(home, "keys", "create", "--name", " ", "--role", "sales");
      assertThat(name.status()).isEqualTo(2);
      assertThat(name.err()).contains("name is required");
      Run unknown = in(home, "keys", "revoke", "k_0000000000");
      assertThat(unknown.status()).isEqualTo(KeysCommand.UNKNOWN_KEY);
      assertThat(unknown.err()).contains("No API key has the id k_0000000000");
    }
  }
}
