package com.diamondpricing.server.support;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mix-in for a concrete integration suite on PostgreSQL: a fresh database per test class (and a
 * fresh state folder for everything else).
 */
public interface PostgresDatabase {

  @BeforeAll
  static void requirePostgres() {
    Databases.requirePostgres();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = Databases.freshPostgres();
    Path home = Databases.freshHome();
    registry.add("diamonds.home", home::toString);
    registry.add("diamonds.db.url", () -> url);
    registry.add("diamonds.db.user", Databases::postgresUser);
    registry.add("diamonds.db.password", Databases::postgresPassword);
  }
}
