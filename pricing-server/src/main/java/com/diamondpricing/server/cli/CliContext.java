package com.diamondpricing.server.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import com.diamondpricing.server.DiamondsApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * The application's services for one command, without the web server: the database (migrated by
 * Flyway), the dataset store, the registry and the training pipeline. No background work: no
 * bootstrap training, no inbox watcher, no schedule, no run dispatcher, no champion poller (no
 * model is loaded unless a command asks for one), no request log writer or purge; a command that
 * trains renews its run's lease while it trains. Logging goes to stderr at WARN, so stdout holds
 * only the command's own output. Closing it closes the context (and the database pool).
 *
 * <p>The settings are passed as command-line properties, which outrank the environment and {@code
 * application.properties}, so nothing configured elsewhere can turn the background work back on.
 */
final class CliContext implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private CliContext(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /**
   * Starts the services.
   *
   * @param home the state folder, or null for the usual settings ({@code diamonds.home} system
   *     property, then {@code DIAMONDS_HOME}, then {@code ./var})
   */
  static CliContext start(Path home) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(DiamondsApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .listeners(new ConsoleLogToStderr())
            .properties(properties(home).toArray(String[]::new))
            .run(arguments(home).toArray(String[]::new));
    return new CliContext(context);
  }

  /** The settings every command runs with, as {@code key=value}. */
  static List<String> properties(Path home) {
    List<String> p = new ArrayList<>();
    p.add("diamonds.bootstrap=false");
    p.add("diamonds.inbox.enabled=false");
    p.add("diamonds.schedule=");
    // queued runs are the servers' to take; the command line runs its own run on its thread
    p.add("diamonds.training.dispatch=false");
    // nothing to serve: no champion poller, no model loaded
    p.add("diamonds.serving.enabled=false");
    // no web server, nothing to record: no writer thread (reading the log works regardless)
    p.add("diamonds.request-log.enabled=false");
    // no live-accuracy gauges to keep
    p.add("diamonds.feedback.monitor=false");
    p.add("spring.main.banner-mode=off");
    p.add("spring.main.web-application-type=none");
    p.add("spring.jmx.enabled=false");
    p.add("logging.level.root=WARN");
    if (home != null) {
      p.add("diamonds.home=" + home.toAbsolutePath());
    }
    return p;
  }

  private static List<String> arguments(Path home) {
    return properties(home).stream().map(p -> "--" + p).toList();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Every bean of a type, by name. */
  <T> Map<String, T> beans(Class<T> type) {
    return context.getBeansOfType(type);
  }

  @Override
  public void close() {
    context.close();
  }

  /**
   * Points Logback's console appenders at stderr once Spring Boot has configured logging (its
   * default console appender writes to stdout).
   */
  static final class ConsoleLogToStderr
      implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
      redirect();
    }

    static void redirect() {
      ILoggerFactory factory = LoggerFactory.getILoggerFactory();
      if (!(factory instanceof LoggerContext logback)) {
        return;
      }
      for (ch.qos.logback.classic.Logger logger : logback.getLoggerList()) {
        Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders();
        while (appenders.hasNext()) {
          if (appenders.next() instanceof ConsoleAppender<ILoggingEvent> console
              && !"System.err".equals(console.getTarget())) {
            console.stop();
            console.setTarget("System.err");
            console.start();
          }
        }
      }
    }

    @Override
    public int getOrder() {
      // after Spring Boot's LoggingApplicationListener has initialized the logging system
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
