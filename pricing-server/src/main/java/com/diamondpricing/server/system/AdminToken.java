package com.diamondpricing.server.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The bearer token that endpoints changing state require: {@code DIAMONDS_ADMIN_TOKEN} when set,
 * otherwise the content of {@code admin-token} in the state folder, generated at first start with
 * owner-only permissions.
 */
@Component
@EnableConfigurationProperties(AdminTokenProperties.class)
public class AdminToken {

  private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
  static final String FILE = "admin-token";

  /** What a secret's value becomes wherever it is stored or echoed. */
  public static final String MARKER = "[secret]";

  private final byte[] token;
  private final String text;

  AdminToken(DiamondsProperties properties, AdminTokenProperties configuredToken) {
    String configured = configuredToken.adminToken();
    if (configured != null && !configured.isBlank()) {
      this.text = configured.strip();
      this.token = text.getBytes(StandardCharsets.UTF_8);
      log.info("Admin token: from DIAMONDS_ADMIN_TOKEN");
    } else {
      Path file = properties.home().resolve(FILE).toAbsolutePath();
      this.text = readOrCreate(file);
      this.token = text.getBytes(StandardCharsets.UTF_8);
      log.info("Admin token: in {} (send it as 'Authorization: Bearer <token>')", file);
    }
  }

  private static String readOrCreate(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!existing.isEmpty()) {
          return existing;
        }
      }
      Files.createDirectories(file.getParent());
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String created = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Files.deleteIfExists(tmp);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, created + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the admin token " + file, e);
    }
  }

  /**
   * The text with every occurrence of the token's value replaced by {@value #MARKER} (null stays
   * null): what may be stored or echoed of something a client sent, wherever the token was put.
   */
  public String scrub(String s) {
    if (s == null || s.length() < text.length() || !s.contains(text)) {
      return s;
    }
    return s.replace(text, MARKER);
  }

  /** Whether the presented token is the admin token (constant-time comparison). */
  public boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(token, presented.strip().getBytes(StandardCharsets.UTF_8));
  }
}
