package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.data.UnknownGradeException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.ServletWebRequest;

/** The problems the integration suites cannot provoke through the running service. */
class ApiExceptionHandlerTests {

  final ApiExceptionHandler handler = new ApiExceptionHandler();
  final ServletWebRequest request =
      new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/models"));

  @Test
  void anUnexpectedErrorIsA500WithAGenericDetailAndAnErrorId() {
    ResponseEntity<Object> answer =
        handler.unexpected(
            new IllegalStateException("secret at com.diamondpricing.server.Secret.method"),
            request);
    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    ProblemDetail problem = (ProblemDetail) answer.getBody();
    assertThat(problem).isNotNull();
    assertThat(problem.getType().toString())
        .isEqualTo("https://diamond-pricing.example/problems/internal-error");
    assertThat(problem.getTitle()).isEqualTo("Internal server error");
    assertThat(problem.getDetail()).doesNotContain("secret").contains("errorId");
    assertThat(problem.getProperties())
        .containsEntry("code", "internal-error")
        .containsKey("errorId");
    assertThat(String.valueOf(problem.getProperties()))
        .doesNotContain("IllegalStateException")
        .doesNotContain("com.diamondpricing");
  }

  @Test
  void anUnexpectedIllegalArgumentIsTheServersFaultNotTheClients() {
    ProblemDetail problem =
        body(
            handler.unexpected(
                new IllegalArgumentException("No enum constant com.diamondpricing.data.Cut.X"),
                request));
    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getProperties())
        .containsEntry("code", "internal-error")
        .containsKey("errorId");
    assertThat(problem.getDetail()).doesNotContain("com.diamondpricing", "enum");
  }

  @Test
  void aDatabaseThatDoesNotAnswerIs503WithRetryAfter() {
    var answer =
        handler.databaseUnavailable(
            new org.springframework.jdbc.CannotGetJdbcConnectionException("pool exhausted"),
            request);
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    ProblemDetail problem = body(answer);
    assertThat(problem.getProperties()).containsEntry("code", "database-unavailable");
    assertThat(problem.getDetail()).doesNotContain("pool");
  }

  @Test
  void anUnknownGradeNamesItsFieldAndTheGrades() {
    ProblemDetail problem =
        body(
            handler.unknownGrade(
                new UnknownGradeException("cut", "Perfect", List.of("Fair", "Good", "Ideal")),
                request));
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties())
        .containsEntry("code", "invalid-parameter")
        .containsEntry("field", "cut")
        .containsEntry("allowedValues", List.of("Fair", "Good", "Ideal"));
  }

  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  static class NotReady extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotReady() {
      super("no model is serving yet");
    }
  }

  @Test
  void a503KeepsItsDetail() {
    ProblemDetail problem = body(handler.unexpected(new NotReady(), request));
    assertThat(problem.getStatus()).isEqualTo(503);
    assertThat(problem.getDetail()).isEqualTo("no model is serving yet");
    assertThat(problem.getProperties()).containsEntry("code", "service-unavailable");
    assertThat(problem.getProperties()).doesNotContainKey("errorId");
  }

  @ResponseStatus(HttpStatus.CONFLICT)
  static class Annotated extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void anExceptionWithAResponseStatusKeepsItsStatus() {
    ProblemDetail problem = body(handler.unexpected(new Annotated(), request));
    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getType().toString())
        .isEqualTo("https://diamond-pricing.example/problems/conflict");
  }

  @Test
  void apiExceptionsCarryTheirFieldAndAllowedValues() {
    ApiException e = ApiException.invalidParameter("mode", "bad mode", List.of("a", "b"));
    assertThat(e.getStatusCode().value()).isEqualTo(400);
    assertThat(e.getBody().getProperties())
        .containsEntry("field", "mode")
        .containsEntry("allowedValues", List.of("a", "b"))
        .containsEntry("code", "invalid-parameter");
  }

  private static ProblemDetail body(ResponseEntity<Object> answer) {
    assertThat(answer.getBody()).isInstanceOf(ProblemDetail.class);
    return (ProblemDetail) answer.getBody();
  }
}
