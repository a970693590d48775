package com.diamondpricing.server.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection pool: SQLite in the state folder unless {@code DIAMONDS_DB_URL} names another
 * database. Flyway migrates it at start ({@code db/migration/{vendor}}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiamondsProperties.class)
class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  DataSource dataSource(DiamondsProperties properties) {
    HikariConfig config = new HikariConfig();
    String url = properties.databaseUrl();
    config.setJdbcUrl(url);
    config.setPoolName("diamonds");
    if (properties.sqlite()) {
      try {
        Files.createDirectories(properties.home());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the state folder " + properties.home(), e);
      }
      // one writer at a time is SQLite's rule; a few readers can work beside it in WAL mode
      config.setMaximumPoolSize(4);
      config.setExceptionOverride(new SqliteBusyEviction());
    } else {
      config.setUsername(properties.db().user());
      config.setPassword(properties.db().password());
      config.setMaximumPoolSize(10);
      // lets JSON text go into jsonb columns without casts in the SQL
      config.addDataSourceProperty("stringtype", "unspecified");
    }
    log.info("Database: {}", url.replaceAll("password=[^&;]*", "password=***"));
    return new HikariDataSource(config);
  }
}
