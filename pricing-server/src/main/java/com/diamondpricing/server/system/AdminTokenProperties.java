package com.diamondpricing.server.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin token, when it is configured ({@code diamonds.admin-token}, or {@code
 * DIAMONDS_ADMIN_TOKEN}); empty, the token is kept in the state folder ({@link AdminToken}).
 *
 * @param adminToken the token; never shown by {@link #toString()}
 */
@ConfigurationProperties("diamonds")
public record AdminTokenProperties(@DefaultValue("") String adminToken) {

  /** The token never shows in a log line or an error. */
  @Override
  public String toString() {
    return "AdminTokenProperties[adminToken="
        + (adminToken.isBlank() ? "" : AdminToken.MARKER)
        + "]";
  }
}
