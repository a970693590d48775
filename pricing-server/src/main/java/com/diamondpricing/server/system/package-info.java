/**
 * The base every package may use and which uses none: the settings ({@link
 * com.diamondpricing.server.system.DiamondsProperties}, and the environment variables that set
 * them, {@code EnvironmentNames}), the database and its failures ({@code DatabaseConfiguration},
 * {@code UnusableDatabaseAnalyzer}), the clock, the admin token, a request's id ({@link
 * com.diamondpricing.server.system.RequestId}), the background workers and the order they stop in
 * ({@code BackgroundWorker}, {@code ShutdownOrder}).
 */
package com.diamondpricing.server.system;
