package com.diamondpricing.server.apikey;

import com.diamondpricing.server.problem.Problem;
import com.diamondpricing.server.system.AdminToken;
import com.diamondpricing.server.system.SqlTimes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code api_key} table. A key's secret is {@code dpk_<id>_<43 random characters>} (32 random
 * bytes); only its SHA-256 is stored, and a presented secret is checked by looking its id up and
 * comparing hashes in constant time. (A slow password hash would add nothing: the secret is random,
 * not chosen by a person, and it is checked on every keyed request.)
 */
@Component
public class ApiKeys {

  /** What every secret starts with: a scanner that finds one in a file knows what it is. */
  static final String PREFIX = "dpk_";

  static final int ID_HEX = 10;
  static final int MAX_NAME = 100;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Creates a key; its secret is in the answer and nowhere else.
   *
   * @param createdBy the key id (or admin-token) of whoever asked
   * @throws Problem invalid-parameter for a blank or too long name, or an unknown role
   */
  public CreatedKey create(String name, String role, String createdBy) {
    String cleanName = checkedName(name);
    KeyRole keyRole =
        KeyRole.of(role)
            .orElseThrow(
                () ->
                    Problem.invalidParameter(
                        "role",
                        "role must be one of " + String.join(", ", KeyRole.labels()),
                        KeyRole.labels()));
    byte[] idBytes = new byte[ID_HEX / 2];
    random.nextBytes(idBytes);
    String id = "k_" + HexFormat.of().formatHex(idBytes);
    byte[] secretBytes = new byte[32];
    random.nextBytes(secretBytes);
    String secret =
        PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    Instant now = SqlTimes.now(clock);
    jdbc.sql(
            "insert into api_key (id, name, role, secret_sha256, created_at, created_by) values"
                + " (?, ?, ?, ?, ?, ?)")
        .params(id, cleanName, keyRole.label(), sha256(secret), SqlTimes.sql(now), createdBy)
        .update();
    return new CreatedKey(
        new ApiKeyView(id, cleanName, keyRole.label(), now, createdBy, null, null), secret);
  }

  /** Every key, newest first (revoked ones too). */
  public List<ApiKeyView> list() {
    return keys("", List.of());
  }

  /** One key. */
  public ApiKeyView get(String id) {
    return keys(" where id = ?", List.of(id)).stream()
        .findFirst()
        .orElseThrow(() -> new ApiKeyNotFoundProblem(id));
  }

  private List<ApiKeyView> keys(String where, List<Object> params) {
    return jdbc.sql(
            "select id, name, role, created_at, created_by, revoked_at, revoked_by from api_key"
                + where
                + " order by created_at desc, id")
        .params(params)
        .query(
            (rs, n) ->
                new ApiKeyView(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    SqlTimes.instant(rs.getTimestamp(4)),
                    rs.getString(5),
                    rs.getTimestamp(6) == null ? null : SqlTimes.instant(rs.getTimestamp(6)),
                    rs.getString(7)))
        .list();
  }

  /**
   * Revokes a key at once: the next request that presents it is refused. Revoking a revoked key
   * changes nothing.
   */
  public ApiKeyView revoke(String id, String revokedBy) {
    get(id);
    jdbc.sql(
            "update api_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
        .params(SqlTimes.sql(SqlTimes.now(clock)), revokedBy, id)
        .update();
    return get(id);
  }

  /**
   * The text with every key secret in it replaced by {@code [secret]} (null stays null): what may
   * be stored or echoed of something a client sent or was answered (a new key's answer holds its
   * secret). Cheap when the text holds no {@value #PREFIX}.
   */
  public static String scrub(String s) {
    if (s == null || !s.contains(PREFIX)) {
      return s;
    }
    return SECRET.matcher(s).replaceAll(AdminToken.MARKER);
  }

  private static final Pattern SECRET = Pattern.compile(PREFIX + "[A-Za-z0-9_-]+");

  /** Whether the text is shaped like a key's secret (whether to look it up at all). */
  public static boolean looksLikeKey(String presented) {
    return presented != null && presented.startsWith(PREFIX);
  }

  /** The holder of a working (not revoked) key with this secret, if any. */
  public Optional<KeyHolder> authenticate(String presented) {
    if (!looksLikeKey(presented)) {
      return Optional.empty();
    }
    String secret = presented.strip();
    int idEnd = PREFIX.length() + 2 + ID_HEX;
    if (secret.length() <= idEnd || secret.charAt(idEnd) != '_') {
      return Optional.empty();
    }
    String id = secret.substring(PREFIX.length(), idEnd);
    byte[] presentedHash = sha256(secret).getBytes(StandardCharsets.US_ASCII);
    return jdbc.sql("select secret_sha256, role from api_key where id = ? and revoked_at is null")
        .param(id)
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2)))
        .optional()
        .filter(
            s -> MessageDigest.isEqual(s.hash().getBytes(StandardCharsets.US_ASCII), presentedHash))
        .flatMap(s -> KeyRole.of(s.role()))
        .map(role -> new KeyHolder(id, role));
  }

  private record Stored(String hash, String role) {}

  private static String checkedName(String name) {
    if (name == null || name.isBlank()) {
      return invalidName("name is required: what the key is for (\"till 1\")");
    }
    String clean = name.strip();
    if (clean.length() > MAX_NAME) {
      return invalidName("name is at most " + MAX_NAME + " characters");
    }
    if (clean.chars().anyMatch(Character::isISOControl)) {
      return invalidName("name must not contain control characters");
    }
    return clean;
  }

  private static String invalidName(String detail) {
    throw Problem.invalidParameter("name", detail, List.of());
  }

  static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
