package com.diamondpricing.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The two databases every integration suite runs on: a fresh SQLite file in a temporary state
 * folder, and a fresh PostgreSQL database on 127.0.0.1:5432 (user postgres, trust auth, or {@code
 * DIAMONDS_TEST_PG_*}). Without PostgreSQL the PostgreSQL suites are skipped with a message on a
 * laptop, and fail in CI ({@code CI} set), where PostgreSQL is required.
 */
public final class Databases {

  static final String PG_HOST = env("DIAMONDS_TEST_PG_HOST", "127.0.0.1");
  static final String PG_PORT = env("DIAMONDS_TEST_PG_PORT", "5432");
  static final String PG_USER = env("DIAMONDS_TEST_PG_USER", "postgres");
  static final String PG_PASSWORD = env("DIAMONDS_TEST_PG_PASSWORD", "");

  private Databases() {}

  /** A new, empty state folder (and so a new SQLite database). */
  public static Path freshHome() {
    try {
      return Files.createTempDirectory("diamonds-test-");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Skips the calling suite (on a laptop) or fails it (in CI) when PostgreSQL is unreachable. */
  public static void requirePostgres() {
    try (Connection c = DriverManager.getConnection(adminUrl(), PG_USER, PG_PASSWORD)) {
      c.isValid(2);
    } catch (SQLException e) {
      String message =
          "PostgreSQL is not reachable at " + PG_HOST + ":" + PG_PORT + " (" + e.getMessage() + ")";
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(message + ": CI requires it (.ci/run starts it)", e);
      }
      System.err.println("SKIPPED PostgreSQL suite: " + message);
      Assumptions.abort(message + ": PostgreSQL suite skipped");
    }
  }

  /** The JDBC URL of a new, empty PostgreSQL database. */
  public static String freshPostgres() {
    String name = "diamonds_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(adminUrl(), PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + name, e);
    }
    return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name;
  }

  private static String adminUrl() {
    return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
  }

  public static String postgresUser() {
    return PG_USER;
  }

  public static String postgresPassword() {
    return PG_PASSWORD;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
