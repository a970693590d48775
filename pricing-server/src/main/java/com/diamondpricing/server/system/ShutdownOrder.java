package com.diamondpricing.server.system;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The order in which the server's parts stop, in one place: the lifecycle phase of every {@link
 * BackgroundWorker} bean. Spring stops phases from the highest to the lowest (and starts them the
 * other way round); one phase stops only once the one before it has stopped.
 *
 * <ol>
 *   <li>{@link #INTAKE}: the inbox watcher, the retraining schedule and the request log's purge
 *       stop first: no new work comes in from outside the web server.
 *   <li>The web server (Spring Boot's own phases, with {@code server.shutdown=graceful}): it stops
 *       taking requests and lets those in progress finish ({@link #WEB_SERVER_GRACEFUL_SHUTDOWN}),
 *       then stops ({@link #WEB_SERVER}).
 *   <li>{@link #SERVING}: the champion poller (the models stay loaded until the context closes).
 *   <li>{@link #REQUEST_LOG}: the request log's writer waits for the records of requests still in
 *       its filter, writes what is queued and replays the journal while the database answers (at
 *       most {@code diamonds.request-log.shutdown-timeout}); the rest stays in the journal for the
 *       next start.
 *   <li>{@link #TRAINING}: the run dispatcher stops last: a run in progress is interrupted and
 *       recorded so.
 * </ol>
 *
 * Then the context destroys its beans; the connection pool closes last. A start runs the other way
 * round: training and the request log's writer are running before the web server takes its first
 * request; the inbox and the schedule start once the application is ready (after the bootstrap).
 */
public final class ShutdownOrder {

  /** The inbox watcher, the schedule and the request log's purge: the first to stop. */
  public static final int INTAKE = SmartLifecycle.DEFAULT_PHASE;

  /** Spring Boot's graceful shutdown of the web server: requests in progress finish. */
  public static final int WEB_SERVER_GRACEFUL_SHUTDOWN =
      WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE; // DEFAULT_PHASE - 1024

  /** Spring Boot's web server: it stops after its graceful shutdown. */
  public static final int WEB_SERVER =
      WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE; // DEFAULT_PHASE - 2048

  /** The champion poller: after the web server. */
  public static final int SERVING = SmartLifecycle.DEFAULT_PHASE - 3072;

  /** The request log's writer: after the web server, so that every answered request is written. */
  public static final int REQUEST_LOG = SmartLifecycle.DEFAULT_PHASE - 4096;

  /** The run dispatcher: the last to stop. */
  public static final int TRAINING = SmartLifecycle.DEFAULT_PHASE - 8192;

  private ShutdownOrder() {}
}
