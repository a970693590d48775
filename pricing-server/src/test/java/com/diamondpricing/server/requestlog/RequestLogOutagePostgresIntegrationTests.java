package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.support.Databases;
import com.diamondpricing.server.support.TcpProxy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * RequestLogOutageIntegrationTests on PostgreSQL: the writer connects through a TCP proxy, which
 * the test closes (connections refused) and opens again.
 */
class RequestLogOutagePostgresIntegrationTests extends RequestLogOutageIntegrationTests {

  private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.+)");
  static TcpProxy proxy;

  @BeforeAll
  static void requirePostgres() {
    Databases.requirePostgres();
  }

  @AfterAll
  static void closeProxy() {
    if (proxy != null) {
      proxy.close();
    }
  }

  @DynamicPropertySource
  static void postgresThroughAProxy(DynamicPropertyRegistry registry) {
    String url = Databases.freshPostgres();
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalStateException("unexpected test database URL " + url);
    }
    proxy = TcpProxy.to(m.group(1), Integer.parseInt(m.group(2)));
    String home = Databases.freshHome().toString();
    registry.add("diamonds.home", () -> home);
    registry.add("diamonds.db.url", () -> url);
    registry.add("diamonds.db.user", Databases::postgresUser);
    registry.add("diamonds.db.password", Databases::postgresPassword);
    registry.add(
        "diamonds.request-log.db-url",
        () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + m.group(3));
  }

  @Override
  void breakDatabase() {
    proxy.cut();
  }

  @Override
  void repairDatabase() {
    proxy.restore();
  }
}
