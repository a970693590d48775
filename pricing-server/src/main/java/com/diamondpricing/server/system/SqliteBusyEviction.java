package com.diamondpricing.server.system;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to discard a SQLite connection that met SQLITE_BUSY. A transaction that
 * could not begin (BEGIN IMMEDIATE timed out on a locked database) leaves sqlite-jdbc believing
 * that a transaction is open, and the next user of the connection would run its statements outside
 * any transaction; a fresh connection costs next to nothing.
 */
public final class SqliteBusyEviction implements SQLExceptionOverride {

  private static final int SQLITE_BUSY = 5;

  @java.lang.Override
  public SQLExceptionOverride.Override adjudicate(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s
          && s.getClass().getName().startsWith("org.sqlite.")
          && (s.getErrorCode() & 0xff) == SQLITE_BUSY) {
        return SQLExceptionOverride.Override.MUST_EVICT;
      }
    }
    return SQLExceptionOverride.Override.CONTINUE_EVICT;
  }
}
