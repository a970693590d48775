package com.diamondpricing.server.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mix-in for a concrete integration suite on SQLite: a fresh state folder per test class.
 * Subclasses of an abstract suite implement this interface.
 */
public interface SqliteDatabase {

  @DynamicPropertySource
  static void sqlite(DynamicPropertyRegistry registry) {
    Path home = Databases.freshHome();
    registry.add("diamonds.home", home::toString);
    registry.add("diamonds.db.url", () -> "");
  }
}
