package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.support.Databases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * RequestLogOutageIntegrationTests on SQLite: the writer has its own connections (waiting at most
 * 100 ms for a lock), and the test holds the database's write lock from another connection.
 */
class RequestLogOutageSqliteIntegrationTests extends RequestLogOutageIntegrationTests {

  static Path database;
  private Connection locker;

  @DynamicPropertySource
  static void sqliteWithAnImpatientWriter(DynamicPropertyRegistry registry) {
    Path home = Databases.freshHome();
    database = home.resolve("diamonds.db").toAbsolutePath();
    registry.add("diamonds.home", home::toString);
    registry.add("diamonds.db.url", () -> "");
    registry.add(
        "diamonds.request-log.db-url",
        () -> "jdbc:sqlite:" + database + "?journal_mode=WAL&busy_timeout=100");
  }

  @Override
  void breakDatabase() throws Exception {
    locker = DriverManager.getConnection("jdbc:sqlite:" + database + "?busy_timeout=5000");
    try (Statement s = locker.createStatement()) {
      s.execute("begin exclusive");
    }
  }

  @Override
  void repairDatabase() throws Exception {
    try (Statement s = locker.createStatement()) {
      s.execute("rollback");
    } finally {
      locker.close();
    }
  }
}
