package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.problem.Problem;
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

  final ApiExceptionHandler handler =
      new ApiExceptionHandler(new NotFoundPage(new org.thymeleaf.TemplateEngine()));
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

  /** Throws what it is told to, so the advice is chosen by Spring MVC as in the service. */
  @org.springframework.web.bind.annotation.RestController
  static class Throwing {
    @org.springframework.web.bind.annotation.GetMapping("/illegal-argument")
    String illegalArgument() {
      throw new IllegalArgumentException("No enum constant com.diamondpricing.data.Cut.X");
    }

    @org.springframework.web.bind.annotation.GetMapping("/feature-problem")
    String featureProblem() {
      throw new ShinyProblem();
    }

    @org.springframework.web.bind.annotation.GetMapping("/busy")
    String busy() {
      throw Problem.of(Problem.Kind.TOO_MANY_REQUESTS, "busy", "Busy", "try again soon")
          .retryAfter(7);
    }

    @org.springframework.web.bind.annotation.GetMapping("/no-database")
    String noDatabase() {
      throw new org.springframework.jdbc.CannotGetJdbcConnectionException("pool exhausted");
    }
  }

  org.springframework.test.web.servlet.MvcResult get(String path) throws Exception {
    return org.springframework.test.web.servlet.setup.MockMvcBuilders.standaloneSetup(
            new Throwing())
        .setControllerAdvice(
            new ApiExceptionHandler(new NotFoundPage(new org.thymeleaf.TemplateEngine())))
        .build()
        .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path))
        .andReturn();
  }

  @Test
  void anUnexpectedIllegalArgumentIsTheServersFaultNotTheClients() throws Exception {
    var answer = get("/illegal-argument").getResponse();
    assertThat(answer.getStatus()).isEqualTo(500);
    assertThat(answer.getContentAsString())
        .contains("\"code\":\"internal-error\"", "\"errorId\"")
        .doesNotContain("com.diamondpricing", "enum");
  }

  @Test
  void aDatabaseThatDoesNotAnswerIs503WithRetryAfter() throws Exception {
    var answer = get("/no-database").getResponse();
    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
    assertThat(answer.getContentAsString())
        .contains("\"code\":\"database-unavailable\"")
        .doesNotContain("pool");
  }

  /** A feature's own problem, as a feature declares it. */
  static final class ShinyProblem extends Problem {
    private static final long serialVersionUID = 1L;

    ShinyProblem() {
      super(Problem.Kind.CONFLICT, "too-shiny", "Too shiny", "this stone is too shiny");
      field("shine", List.of("dull", "bright"));
    }
  }

  @Test
  void aFeaturesProblemIsAnsweredAsItIsDeclared() throws Exception {
    var answer = get("/feature-problem");
    assertThat(answer.getResponse().getStatus()).isEqualTo(409);
    assertThat(answer.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(answer.getResponse().getContentAsString())
        .contains(
            "\"type\":\"https://diamond-pricing.example/problems/too-shiny\"",
            "\"title\":\"Too shiny\"",
            "\"detail\":\"this stone is too shiny\"",
            "\"code\":\"too-shiny\"",
            "\"field\":\"shine\"",
            "\"allowedValues\":[\"dull\",\"bright\"]");
    assertThat(answer.getRequest().getAttribute(ProblemWriter.CODE_ATTRIBUTE))
        .isEqualTo("too-shiny");
  }

  @Test
  void aProblemThatWaitingMayHelpSaysHowLongInRetryAfter() throws Exception {
    var answer = get("/busy").getResponse();
    assertThat(answer.getStatus()).isEqualTo(429);
    assertThat(answer.getHeader("Retry-After")).isEqualTo("7");
    assertThat(answer.getContentAsString()).contains("\"code\":\"busy\"");
  }

  @Test
  void eachKindOfProblemHasItsStatus() {
    assertThat(java.util.Arrays.stream(Problem.Kind.values()).map(k -> Problems.status(k).value()))
        .containsExactly(400, 404, 409, 422, 429, 503);
  }

  @Test
  void aFeaturesProblemKeepsItsTypedParts() {
    ShinyProblem problem = new ShinyProblem();
    assertThat(problem.code()).isEqualTo("too-shiny");
    assertThat(problem.field()).isEqualTo("shine");
    assertThat(problem.allowedValues()).containsExactly("dull", "bright");
    assertThat(problem.getMessage()).isEqualTo("this stone is too shiny");
  }

  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  static class NotReady extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotReady() {
      super("no model is serving yet");
    }
  }

  @Test
  void anAnnotated503KeepsItsStatusButNotItsMessage() {
    ProblemDetail problem = body(handler.unexpected(new NotReady(), request));
    assertThat(problem.getStatus()).isEqualTo(503);
    assertThat(problem.getDetail()).isEqualTo("Service Unavailable");
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
  void invalidParametersAreAnswered400WithTheirFieldAndAllowedValues() {
    Problem e = Problem.invalidParameter("mode", "bad mode", List.of("a", "b"));
    ProblemDetail problem = body(handler.problem(e, request));
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getDetail()).isEqualTo("bad mode");
    assertThat(problem.getProperties())
        .containsEntry("field", "mode")
        .containsEntry("allowedValues", List.of("a", "b"))
        .containsEntry("code", "invalid-parameter");
  }

  private static ProblemDetail body(ResponseEntity<Object> answer) {
    assertThat(answer.getBody()).isInstanceOf(ProblemDetail.class);
    return (ProblemDetail) answer.getBody();
  }
}
