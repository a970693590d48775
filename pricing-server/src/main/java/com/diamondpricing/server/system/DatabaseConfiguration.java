package com.diamondpricing.server.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
      ownerOnlyDatabase(properties);
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

  /**
   * Creates the state folder and the SQLite file for the owner only (rwx------, rw-------) when
   * they do not exist yet; SQLite gives its -wal and -shm files the database file's permissions.
   */
  static void ownerOnlyDatabase(DiamondsProperties properties) {
    Path home = properties.home().toAbsolutePath();
    Path file = home.resolve(DiamondsProperties.SQLITE_FILE);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      if (!Files.exists(home)) {
        if (posix) {
          Files.createDirectories(
              home,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(home);
        }
      }
      if (posix && !Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
    } catch (FileAlreadyExistsException e) {
      // another process created it meanwhile
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state folder or database in " + home, e);
    }
  }
}
