package com.diamondpricing.server.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web pages on other origins may call the API from a browser ({@code diamonds.cors.*}): none
 * unless listed.
 *
 * @param allowedOrigins origins such as {@code https://shop.example.com} (scheme, host and port, no
 *     path); empty: no cross-origin call is allowed and no preflight is answered
 * @param maxAge how long a browser may keep a preflight's answer
 */
@ConfigurationProperties("diamonds.cors")
public record CorsProperties(
    @DefaultValue("") List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {

  public CorsProperties {
    allowedOrigins = allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    for (String origin : allowedOrigins) {
      if (origin.equals("*") || origin.endsWith("/") || !origin.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException(
            "diamonds.cors.allowed-origins: '"
                + origin
                + "' is not an origin such as https://shop.example.com (scheme, host, port; no"
                + " path, no wildcard)");
      }
    }
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("diamonds.cors.max-age is negative");
    }
  }
}
