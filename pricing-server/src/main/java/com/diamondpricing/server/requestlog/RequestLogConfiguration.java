package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.system.DiamondsProperties;
import com.diamondpricing.server.system.SqliteBusyEviction;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request log: its settings and reading side always; recording (the {@link RequestLog} the
 * request capture hands records to, the journal, the writer thread and the retention purge) in the
 * web server only, unless {@code diamonds.request-log.enabled} is false. The capture itself, a
 * filter of the HTTP edge, is registered by {@code web.capture.RequestCaptureConfiguration} on the
 * same conditions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLogProperties.class)
public class RequestLogConfiguration {

  /** The setting that turns recording on and off. */
  public static final String ENABLED = "diamonds.request-log.enabled";

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
  static class Recording {

    private static final Logger log = LoggerFactory.getLogger(RequestLogConfiguration.class);

    @Bean
    Journal requestLogJournal(
        RequestLogProperties properties, DiamondsProperties diamonds, Clock clock) {
      return new Journal(
          properties.journalDir(diamonds.home()),
          properties.journalMaxSize().toBytes(),
          properties.segmentSize().toBytes(),
          properties.segmentAge().toNanos(),
          clock);
    }

    @Bean
    RecordQueue requestLogQueue(RequestLogProperties properties) {
      return new RecordQueue(properties.queueCapacity(), properties.queueMaxBytes().toBytes());
    }

    @Bean
    RequestLogMetrics requestLogMetrics(MeterRegistry meters, RecordQueue queue, Journal journal) {
      return new RequestLogMetrics(meters, queue, journal);
    }

    @Bean
    StorageGate requestLogStorageGate(Journal journal, MeterRegistry meters) {
      StorageGate gate = new StorageGate(journal);
      Gauge.builder("diamonds.requestlog.storage.full", gate, g -> g.reason() == null ? 0 : 1)
          .description("1 while nothing can be recorded (requests are answered 503 storage-full)")
          .strongReference(true)
          .register(meters);
      return gate;
    }

    @Bean
    RequestLog requestLog(
        Journal journal, RecordQueue queue, RequestLogMetrics metrics, StorageGate gate) {
      return new RequestLog(journal, queue, metrics, gate);
    }

    @Bean
    RequestLogWriter requestLogWriter(
        DataSource dataSource,
        RequestLogProperties properties,
        DiamondsProperties diamonds,
        Journal journal,
        RecordQueue queue,
        RequestLogMetrics metrics,
        RequestLog requestLog,
        Clock clock) {
      HikariDataSource own = properties.ownConnections() ? own(properties, diamonds) : null;
      RequestLogWriter writer =
          new RequestLogWriter(
              own != null ? own : dataSource,
              own,
              properties,
              journal,
              queue,
              metrics,
              requestLog::inFlight,
              clock);
      log.info(
          "Request log: recording /api/ requests (bodies up to {} bytes) into the database{};"
              + " write-ahead journal in {}",
          properties.maxBody().toBytes(),
          own != null
              ? " through " + own.getJdbcUrl().replaceAll("password=[^&;]*", "password=***")
              : "",
          journal.dir());
      return writer;
    }

    @Bean
    RequestLogRetention requestLogRetention(
        RequestLogStore store, RequestLogProperties properties, Clock clock, MeterRegistry meters) {
      if (properties.keepFor() != null) {
        log.info(
            "Request log: records older than {} are purged every {}",
            properties.keepFor(),
            properties.purgeInterval());
      }
      StorageBudget budget =
          new StorageBudget(
              store,
              properties.maxRows(),
              properties.maxPredictionRows(),
              properties.budgetWarnAt(),
              meters);
      if (budget.enabled()) {
        log.info(
            "Request log: at most {} request rows and {} predictions kept (0: no limit), the"
                + " oldest deleted past them; checked every {}",
            properties.maxRows(),
            properties.maxPredictionRows(),
            properties.budgetCheckInterval());
      }
      return new RequestLogRetention(
          store,
          properties.keepFor(),
          properties.keepPredictionsFor(),
          properties.purgeInterval(),
          budget,
          properties.budgetCheckInterval(),
          clock);
    }

    /** The writer's own small pool: quick to give up on a dead database, never fails the start. */
    private static HikariDataSource own(
        RequestLogProperties properties, DiamondsProperties diamonds) {
      HikariConfig config = new HikariConfig();
      String url = properties.dbUrl().strip();
      config.setJdbcUrl(url);
      config.setPoolName("request-log");
      config.setMaximumPoolSize(2);
      config.setMinimumIdle(1);
      config.setConnectionTimeout(2000);
      config.setValidationTimeout(1000);
      config.setInitializationFailTimeout(-1);
      if (url.startsWith("jdbc:postgresql:")) {
        config.setUsername(first(properties.dbUser(), diamonds.db().user()));
        config.setPassword(first(properties.dbPassword(), diamonds.db().password()));
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "120");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
      } else if (url.startsWith("jdbc:sqlite:")) {
        // the journal replay reads and then writes: see DiamondsProperties.databaseUrl()
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        config.setExceptionOverride(new SqliteBusyEviction());
      } else {
        config.setUsername(first(properties.dbUser(), diamonds.db().user()));
        config.setPassword(first(properties.dbPassword(), diamonds.db().password()));
      }
      return new HikariDataSource(config);
    }

    private static String first(String a, String b) {
      return a != null && !a.isBlank() ? a : b;
    }
  }
}
