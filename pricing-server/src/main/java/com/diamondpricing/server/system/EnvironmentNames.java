package com.diamondpricing.server.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The environment variables the README names, each the other name of one setting: {@code
 * DIAMONDS_UPLOAD_MAX_ROWS} sets {@code diamonds.upload.max-rows}. Spring's relaxed binding alone
 * would read that variable as {@code diamonds.upload.max.rows}. Each variable that is set becomes
 * its setting, between the environment and {@code application.properties} in precedence, as the
 * environment is. Defaults stay where the settings are declared (the {@code
 * ConfigurationProperties} records), written once.
 */
public final class EnvironmentNames implements EnvironmentPostProcessor {

  /** The property source holding the variables that are set, by their settings' names. */
  static final String SOURCE = "diamondsEnvironmentNames";

  /** Each variable and the setting it sets. */
  public static final Map<String, String> SETTINGS = settings();

  private static Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("DIAMONDS_HOME", "diamonds.home");
    m.put("DIAMONDS_DB_URL", "diamonds.db.url");
    m.put("DIAMONDS_DB_USER", "diamonds.db.user");
    m.put("DIAMONDS_DB_PASSWORD", "diamonds.db.password");
    m.put("DIAMONDS_ADMIN_TOKEN", "diamonds.admin-token");
    m.put("DIAMONDS_HTTP_CONNECTION_TIMEOUT", "server.tomcat.connection-timeout");
    m.put("DIAMONDS_HTTP_KEEP_ALIVE_TIMEOUT", "server.tomcat.keep-alive-timeout");
    m.put("DIAMONDS_HTTP_BODY_TIMEOUT", "diamonds.http.body-timeout");
    m.put("DIAMONDS_HTTP_MAX_CONNECTIONS_PER_CLIENT", "diamonds.http.max-connections-per-client");
    m.put("DIAMONDS_HTTP_SLOW_BODY_READERS", "diamonds.http.slow-body-readers");
    m.put("DIAMONDS_CORS_ALLOWED_ORIGINS", "diamonds.cors.allowed-origins");
    m.put("DIAMONDS_UPLOAD_MAX_SIZE", "diamonds.upload.max-size");
    m.put("DIAMONDS_UPLOAD_MAX_ROWS", "diamonds.upload.max-rows");
    m.put("DIAMONDS_REQUEST_LOG_ENABLED", "diamonds.request-log.enabled");
    m.put("DIAMONDS_REQUEST_LOG_MAX_BODY", "diamonds.request-log.max-body");
    m.put("DIAMONDS_REQUEST_LOG_RETENTION", "diamonds.request-log.retention");
    m.put("DIAMONDS_REQUEST_LOG_JOURNAL_MAX_SIZE", "diamonds.request-log.journal-max-size");
    m.put("DIAMONDS_REQUEST_LOG_DB_URL", "diamonds.request-log.db-url");
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> set = new LinkedHashMap<>();
    Map<String, Object> variables = environment.getSystemEnvironment();
    SETTINGS.forEach(
        (variable, setting) -> {
          Object value = variables.get(variable);
          if (value != null) {
            set.put(setting, value);
          }
        });
    if (!set.isEmpty()) {
      environment
          .getPropertySources()
          .addAfter(
              StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
              new MapPropertySource(SOURCE, set));
    }
  }
}
