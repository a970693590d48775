package com.diamondpricing.server.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Calls to the API from pages on the origins {@code diamonds.cors.allowed-origins} lists, with
 * Spring's {@link CorsFilter}: a preflight ({@code OPTIONS} with {@code Origin} and {@code
 * Access-Control-Request-Method}) of an {@code /api/} path is answered before the guard, for the
 * open endpoints and those that need a token alike (a preflight carries no credentials), and every
 * answer to a listed origin names it, errors included, so the page can read a 401 or a 422. An
 * origin not listed gets 403 to its preflight and no CORS headers. The filter runs inside the
 * request log's (so preflights are recorded like any request) and is not there at all when no
 * origin is listed, the default.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class CrossOriginConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CrossOriginConfiguration.class);

  /** Headers a page may send, and those it may read besides the simple ones. */
  static final List<String> REQUEST_HEADERS =
      List.of("Authorization", "Content-Type", "X-Request-Id");

  static final List<String> EXPOSED_HEADERS = List.of("X-Request-Id", "Retry-After", "Location");

  @Bean
  FilterRegistrationBean<CorsFilter> corsFilter(CorsProperties properties) {
    CorsConfiguration api = new CorsConfiguration();
    api.setAllowedOrigins(properties.allowedOrigins());
    api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
    api.setAllowedHeaders(REQUEST_HEADERS);
    api.setExposedHeaders(EXPOSED_HEADERS);
    api.setAllowCredentials(false); // bearer tokens, no cookies
    api.setMaxAge(properties.maxAge());
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", api);
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(new CorsFilter(source));
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
    registration.setEnabled(!properties.allowedOrigins().isEmpty());
    if (registration.isEnabled()) {
      log.info("CORS: the API answers pages on {}", String.join(", ", properties.allowedOrigins()));
    }
    return registration;
  }
}
