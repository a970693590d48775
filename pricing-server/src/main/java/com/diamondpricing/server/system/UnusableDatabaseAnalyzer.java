package com.diamondpricing.server.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A start that failed because the SQLite database file is damaged or cannot be opened: instead of
 * the exception chain, Spring Boot logs one ERROR naming the file and what to do (this analysis).
 * Registered in {@code META-INF/spring.factories}; the chain itself is logged at DEBUG only. A
 * damaged file is found where SQLite first reads it: opening the pool (not a database at all) or
 * Flyway's first query (damaged pages of the schema).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class UnusableDatabaseAnalyzer extends AbstractFailureAnalyzer<SQLiteException> {

  private final Environment environment;

  UnusableDatabaseAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SQLiteException cause) {
    String file = databaseFile();
    String why = reason(cause);
    return switch (kind(cause.getResultCode())) {
      case DAMAGED ->
          new FailureAnalysis(
              "The database file "
                  + file
                  + " is damaged ("
                  + why
                  + "), so the service cannot start on it.",
              "Stop every diamonds process using it, move "
                  + file
                  + " aside (with its -wal and -shm files, if any) and put back a copy from a"
                  + " backup; with no backup, 'sqlite3 FILE .recover' may save its data, or start"
                  + " on an empty state folder to train on the bundled data again.",
              cause);
      case UNREADABLE ->
          new FailureAnalysis(
              "The database file " + file + " cannot be opened (" + why + ").",
              "Check that "
                  + file
                  + " is a file (not a folder), that its folder exists, and that the user"
                  + " running the service may read and write both; then start it again.",
              cause);
      case OTHER -> null;
    };
  }

  private enum Kind {
    DAMAGED,
    UNREADABLE,
    OTHER
  }

  private static Kind kind(SQLiteErrorCode code) {
    if (code == null) {
      return Kind.OTHER;
    }
    // extended codes carry their primary code in the low byte (SQLITE_CORRUPT_INDEX is CORRUPT)
    int primary = code.code & 0xff;
    if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code
        || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return Kind.DAMAGED;
    }
    if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code
        || primary == SQLiteErrorCode.SQLITE_PERM.code
        || primary == SQLiteErrorCode.SQLITE_READONLY.code
        || primary == SQLiteErrorCode.SQLITE_IOERR.code
        || primary == SQLiteErrorCode.SQLITE_AUTH.code) {
      return Kind.UNREADABLE;
    }
    return Kind.OTHER;
  }

  /** SQLite's own words ("file is not a database"), without its code and class name. */
  private static String reason(SQLiteException e) {
    SQLiteErrorCode code = e.getResultCode();
    String words = code != null && code.message != null ? code.message : "unreadable";
    return "SQLite: " + words;
  }

  /** The file the main database lives in, as configured (the request log's own never fails). */
  private String databaseFile() {
    String url;
    try {
      url =
          Binder.get(environment).bindOrCreate("diamonds", DiamondsProperties.class).databaseUrl();
    } catch (RuntimeException e) {
      return "(diamonds.db in the state folder)";
    }
    return sqliteFile(url);
  }

  /** The path in a {@code jdbc:sqlite:} URL, absolute; the URL itself when it names none. */
  static String sqliteFile(String url) {
    String rest = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : url;
    int query = rest.indexOf('?');
    String path = query >= 0 ? rest.substring(0, query) : rest;
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    if (path.isBlank() || path.startsWith(":")) {
      return url;
    }
    try {
      return Path.of(path).toAbsolutePath().normalize().toString();
    } catch (RuntimeException e) {
      return path;
    }
  }
}
