/**
 * The HTTP edge, over every feature and used by none: the servlet container's limits ({@code
 * ContainerConfiguration}, {@code ClientCappedNioProtocol}), the filters in the order they run
 * (request id, the request capture of {@code web.capture}, the security guard, the body limits),
 * the security rules ({@code SecurityConfiguration}), and the problem answers: every feature's
 * {@link com.diamondpricing.server.problem.Problem} and Spring's own errors as RFC 9457 {@code
 * application/problem+json} ({@code ApiExceptionHandler}, {@code ProblemWriter}), described in the
 * OpenAPI document ({@code OpenApiProblems}).
 */
package com.diamondpricing.server.web;
