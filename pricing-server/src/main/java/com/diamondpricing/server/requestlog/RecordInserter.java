package com.diamondpricing.server.requestlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes records into {@code request_log}: one JDBC batch in one transaction. A record the database
 * refuses (a data error, e.g. JSON that PostgreSQL's jsonb does not take) cannot stall the log: the
 * batch is then written row by row in the same transaction, a refused row is tried once more with
 * its bodies as plain text, and only a row refused twice is given up (and counted as dropped).
 * Connection errors are thrown: the caller keeps the batch and retries.
 */
final class RecordInserter {

  enum Vendor {
    SQLITE,
    POSTGRESQL
  }

  /** What one call wrote. */
  record Result(int inserted, List<RequestRecord> dropped, boolean alreadyReplayed) {}

  static final int QUERY_TIMEOUT_SECONDS = 60;

  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"\\\\]{1,100})\"");
  private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"\\\\]{1,300})\"");
  private static final Set<Integer> SQLITE_DATA_ERRORS = Set.of(18, 19, 20, 25);

  private static final String COLUMNS_HEAD =
      "insert into request_log (request_id, received_at, method, path, query, client, user_agent,"
          + " request_content_type, ";
  private static final String COLUMNS_TAIL =
      " request_body_truncated, status, response_content_type, %s response_body_truncated,"
          + " duration_ms, model_id, model_type, model_version, error_code) values ";
  private static final String SQLITE_SQL =
      COLUMNS_HEAD
          + "request_body,"
          + COLUMNS_TAIL.formatted("response_body,")
          + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String POSTGRES_ROW =
      "(?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?,"
          + " ?)";

  /**
   * PostgreSQL gets multi-row inserts (far less work per row than one statement per row): a batch
   * is cut into statements of these many rows, so only a few statement shapes exist.
   */
  private static final int[] POSTGRES_CHUNKS = {64, 16, 4, 1};

  private static final String[] POSTGRES_SQL = new String[POSTGRES_CHUNKS.length];

  static {
    for (int k = 0; k < POSTGRES_CHUNKS.length; k++) {
      StringBuilder sql =
          new StringBuilder(
              COLUMNS_HEAD
                  + "request_body, request_body_text,"
                  + COLUMNS_TAIL.formatted("response_body, response_body_text,"));
      for (int row = 0; row < POSTGRES_CHUNKS[k]; row++) {
        sql.append(row == 0 ? "" : ", ").append(POSTGRES_ROW);
      }
      POSTGRES_SQL[k] = sql.toString();
    }
  }

  private RecordInserter() {}

  static Vendor vendor(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName();
    return product != null && product.toLowerCase(Locale.ROOT).contains("postgres")
        ? Vendor.POSTGRESQL
        : Vendor.SQLITE;
  }

  /**
   * Inserts the records in one transaction; with a journal file's name, records the file as
   * replayed in the same transaction (and inserts nothing when it already is).
   */
  static Result insert(Connection c, Vendor vendor, List<RequestRecord> records, String journal)
      throws SQLException {
    c.setAutoCommit(false);
    try {
      if (journal != null && replayed(c, journal)) {
        c.rollback();
        return new Result(0, List.of(), true);
      }
      try {
        write(c, vendor, records, false);
        markReplayed(c, journal, records.size());
        c.commit();
        return new Result(records.size(), List.of(), false);
      } catch (SQLException e) {
        rollback(c, e);
        if (!dataError(e)) {
          throw e;
        }
      }
      List<RequestRecord> dropped = new ArrayList<>();
      for (RequestRecord r : records) {
        if (!writeOne(c, vendor, r, false) && !writeOne(c, vendor, r, true)) {
          dropped.add(r);
        }
      }
      markReplayed(c, journal, records.size() - dropped.size());
      c.commit();
      return new Result(records.size() - dropped.size(), dropped, false);
    } catch (SQLException | RuntimeException e) {
      rollback(c, e);
      throw e;
    } finally {
      try {
        c.setAutoCommit(true);
      } catch (SQLException ignored) {
        // a broken connection: the writer has it evicted
      }
    }
  }

  private static void rollback(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static boolean writeOne(Connection c, Vendor vendor, RequestRecord r, boolean plain)
      throws SQLException {
    Savepoint savepoint = c.setSavepoint();
    try {
      write(c, vendor, List.of(r), plain);
      c.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException e) {
      c.rollback(savepoint);
      if (!dataError(e)) {
        throw e;
      }
      return false;
    }
  }

  private static boolean replayed(Connection c, String journal) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select count(*) from request_log_journal where name = ?")) {
      s.setString(1, journal);
      try (var rs = s.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
  }

  private static void markReplayed(Connection c, String journal, int records) throws SQLException {
    if (journal == null) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into request_log_journal (name, replayed_at, records) values (?, ?, ?)")) {
      s.setString(1, journal);
      s.setTimestamp(2, Timestamp.from(Instant.now()));
      s.setInt(3, records);
      s.executeUpdate();
    }
  }

  private static void write(Connection c, Vendor vendor, List<RequestRecord> records, boolean plain)
      throws SQLException {
    if (vendor == Vendor.POSTGRESQL) {
      writePostgres(c, records, plain);
      return;
    }
    try (PreparedStatement s = c.prepareStatement(SQLITE_SQL)) {
      // (no query timeout: sqlite-jdbc turns it into its busy timeout; the URL's is kept)
      if (records.size() == 1) {
        bind(s, 1, vendor, records.get(0), plain);
        s.executeUpdate();
        return;
      }
      for (RequestRecord r : records) {
        bind(s, 1, vendor, r, plain);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void writePostgres(Connection c, List<RequestRecord> records, boolean plain)
      throws SQLException {
    int at = 0;
    for (int k = 0; k < POSTGRES_CHUNKS.length && at < records.size(); k++) {
      int size = POSTGRES_CHUNKS[k];
      int statements = (records.size() - at) / size;
      if (statements == 0) {
        continue;
      }
      try (PreparedStatement s = c.prepareStatement(POSTGRES_SQL[k])) {
        s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        for (int n = 0; n < statements; n++) {
          int parameter = 1;
          for (int row = 0; row < size; row++) {
            parameter = bind(s, parameter, Vendor.POSTGRESQL, records.get(at++), plain);
          }
          if (statements > 1) {
            s.addBatch();
          }
        }
        if (statements > 1) {
          s.executeBatch();
        } else {
          s.executeUpdate();
        }
      }
    }
  }

  /**
   * Binds one record; {@code plain} (the second try of a refused row) stores the bodies as text and
   * fills the required columns whatever the record holds.
   */
  private static int bind(
      PreparedStatement s, int first, Vendor vendor, RequestRecord r, boolean plain)
      throws SQLException {
    int i = first;
    s.setString(i++, clean(r.requestId()));
    s.setTimestamp(i++, Timestamp.from(r.receivedAt() == null ? Instant.EPOCH : r.receivedAt()));
    s.setString(i++, r.method() == null && plain ? "?" : clean(r.method()));
    s.setString(i++, r.path() == null && plain ? "?" : clean(r.path()));
    s.setString(i++, clean(r.query()));
    s.setString(i++, clean(r.client()));
    s.setString(i++, clean(r.userAgent()));
    s.setString(i++, clean(r.requestContentType()));
    i = body(s, i, vendor, r.requestBody(), r.requestBodyTruncated(), false, plain);
    s.setBoolean(i++, r.requestBodyTruncated());
    s.setInt(i++, r.status());
    s.setString(i++, clean(r.responseContentType()));
    boolean ours = r.responseContentType() != null && r.responseContentType().contains("json");
    i = body(s, i, vendor, r.responseBody(), r.responseBodyTruncated(), ours, plain);
    s.setBoolean(i++, r.responseBodyTruncated());
    s.setDouble(i++, Double.isFinite(r.durationMs()) ? r.durationMs() : 0);
    if (r.modelId() == null) {
      s.setNull(i++, Types.BIGINT);
    } else {
      s.setLong(i++, r.modelId());
    }
    s.setString(i++, clean(r.modelType()));
    if (r.modelVersion() == null) {
      s.setNull(i++, Types.INTEGER);
    } else {
      s.setInt(i++, r.modelVersion());
    }
    s.setString(i++, clean(errorCode(r)));
    return i;
  }

  /**
   * Binds a body: one text column on SQLite; on PostgreSQL the jsonb column when it is whole, valid
   * JSON, else the text column. JSON the service wrote itself ({@code ours}) is taken as valid
   * without parsing it (a miss only costs the row-by-row path).
   */
  private static int body(
      PreparedStatement s,
      int i,
      Vendor vendor,
      String body,
      boolean truncated,
      boolean ours,
      boolean plain)
      throws SQLException {
    String text = clean(body);
    if (vendor == Vendor.SQLITE) {
      s.setString(i, text);
      return i + 1;
    }
    boolean json =
        !plain
            && !truncated
            && text != null
            && (ours ? !text.isBlank() && !text.contains("\\u0000") : isJson(text));
    s.setString(i, json ? text : null);
    s.setString(i + 1, json ? null : text);
    return i + 2;
  }

  /** Text without NUL characters, which PostgreSQL's text does not take. */
  static String clean(String s) {
    return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
  }

  /**
   * Whether the text is one JSON value that PostgreSQL's jsonb takes (as far as we can tell
   * cheaply; a miss only costs the row-by-row path).
   */
  static boolean isJson(String s) {
    if (s == null || s.isBlank() || s.contains("\\u0000")) {
      return false;
    }
    try (JsonParser p = JSON.createParser(s)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return false;
      }
      int depth = 0;
      do {
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        } else if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
          if (loneSurrogate(p.getText())) {
            return false;
          }
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT && hugeExponent(p.getText())) {
          return false;
        }
        if (depth == 0) {
          break;
        }
        t = p.nextToken();
      } while (t != null);
      return depth == 0 && p.nextToken() == null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isHighSurrogate(ch)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(ch)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hugeExponent(String number) {
    int e = Math.max(number.indexOf('e'), number.indexOf('E'));
    if (e < 0) {
      return false;
    }
    try {
      return Math.abs(Long.parseLong(number.substring(e + 1).replace("+", ""))) > 1000;
    } catch (NumberFormatException x) {
      return true;
    }
  }

  /**
   * The error code of a failed request: its problem's {@code code} property, else the last segment
   * of the problem's {@code type} (a problem written outside the exception handler may lack the
   * code), else none.
   */
  static String errorCode(RequestRecord r) {
    if (r.status() < 400 || r.responseBody() == null || r.responseBody().isEmpty()) {
      return null;
    }
    String body = r.responseBody();
    String type = null;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if ("code".equals(name) && value == JsonToken.VALUE_STRING) {
            return cut(p.getText());
          }
          if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
            type = p.getText();
          }
          p.skipChildren();
        }
        return slug(type);
      }
      return null;
    } catch (IOException | RuntimeException e) {
      // a truncated body: look for the properties in the text
    }
    Matcher code = CODE.matcher(body);
    if (code.find()) {
      return code.group(1);
    }
    Matcher problem = TYPE.matcher(body);
    return problem.find() ? slug(problem.group(1)) : null;
  }

  private static String slug(String type) {
    if (type == null || type.isBlank() || type.equals("about:blank")) {
      return null;
    }
    String t = type.endsWith("/") ? type.substring(0, type.length() - 1) : type;
    String last = t.substring(t.lastIndexOf('/') + 1);
    return last.isEmpty() ? null : cut(last);
  }

  private static String cut(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100);
  }

  /** Whether the database refused the data (rather than being unreachable). */
  static boolean dataError(SQLException e) {
    Set<Throwable> seen = new HashSet<>();
    List<Throwable> todo = new ArrayList<>(List.of(e));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(todo.size() - 1);
      if (t == null || !seen.add(t)) {
        continue;
      }
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
          return true;
        }
        if (s.getClass().getName().startsWith("org.sqlite.")
            && SQLITE_DATA_ERRORS.contains(s.getErrorCode() & 0xff)) {
          return true;
        }
        String message = s.getMessage();
        if (message != null
            && (message.contains("SQLITE_CONSTRAINT")
                || message.contains("SQLITE_MISMATCH")
                || message.contains("SQLITE_TOOBIG")
                || message.contains("SQLITE_RANGE"))) {
          return true;
        }
        todo.add(s.getNextException());
        if (s instanceof BatchUpdateException b) {
          todo.add(b.getNextException());
        }
      }
      todo.add(t.getCause());
    }
    return false;
  }
}
