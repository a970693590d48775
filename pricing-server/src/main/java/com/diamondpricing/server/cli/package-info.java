/**
 * The command line ({@code bin/diamonds}): picocli commands over the same features the service
 * uses, each in a short-lived Spring context without a web server ({@code CliContext}). An edge: it
 * words features' {@link com.diamondpricing.server.problem.Problem}s as one line ({@code
 * ProblemWords}), each command choosing its exit code; no other package uses it. Every command that
 * reports also has {@code --json}.
 */
package com.diamondpricing.server.cli;
