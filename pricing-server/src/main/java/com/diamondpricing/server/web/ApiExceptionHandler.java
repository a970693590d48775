package com.diamondpricing.server.web;

import com.diamondpricing.server.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every error of the HTTP API as an RFC 9457 problem ({@code application/problem+json},
 * shaped by {@link Problems}). Features throw {@link Problem}s, which are answered as they are,
 * with the status their kind stands for; besides, this class only words Spring's own exceptions,
 * answers 503 when the database is away, and 500 with an {@code errorId} for anything unexpected.
 * It never reads an exception's message to decide what to answer, and no answer holds a stack trace
 * or a class name.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final NotFoundPage page;

  ApiExceptionHandler(NotFoundPage page) {
    this.page = page;
  }

  /** Seconds a client is asked to wait when the database does not answer. */
  static final long DATABASE_RETRY_AFTER_SECONDS = 5;

  private static final String INTERNAL_DETAIL =
      "The server could not answer this request because of an unexpected error; it has been"
          + " logged with the errorId given here.";

  // ---- the features' problems, and the service's own answers

  /** A feature's {@link Problem}: answered as it is, with the status its kind stands for. */
  @ExceptionHandler(Problem.class)
  ResponseEntity<Object> problem(Problem e, WebRequest request) {
    HttpHeaders headers = new HttpHeaders();
    if (e.retryAfterSeconds() != null) {
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    return answer(e, Problems.of(e), headers, request);
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> malformedUpload(MultipartException e, WebRequest request) {
    return answer(
        e,
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "malformed-upload",
            "Malformed upload",
            "The multipart body cannot be read: send multipart/form-data with its boundary and a"
                + " 'file' part."),
        new HttpHeaders(),
        request);
  }

  /** A header value the firewall refuses, found when the handler reads the header. */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
    return answer(
        e,
        Problems.of(
            HttpStatus.BAD_REQUEST,
            ProblemResponses.REJECTED,
            "Request rejected",
            "The request's headers hold characters the service does not take."),
        new HttpHeaders(),
        request);
  }

  /**
   * The database does not answer (down, unreachable, out of connections, locked too long): 503,
   * with {@code Retry-After}. The request was fine; trying again later may work.
   */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<Object> databaseUnavailable(Exception e, WebRequest request) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER_SECONDS));
    return answer(
        e,
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            "database-unavailable",
            "Database unavailable",
            "The service cannot reach its database right now; try again in a few seconds."),
        headers,
        request);
  }

  /** Anything else: 500 with a generic detail; the exception is logged with the errorId. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    ResponseStatus annotated =
        AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
    if (annotated != null && annotated.code() != HttpStatus.INTERNAL_SERVER_ERROR) {
      HttpStatus status = annotated.code();
      ProblemDetail body = ProblemDetail.forStatusAndDetail(status, annotated.reason());
      body.setTitle(status.getReasonPhrase());
      return handleExceptionInternal(e, body, new HttpHeaders(), status, request);
    }
    return answer(
        e,
        Problems.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal server error",
            INTERNAL_DETAIL),
        new HttpHeaders(),
        request);
  }

  // ---- Spring MVC's exceptions, with details that name the parameter at fault

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : null;
    if (name == null) {
      name = e.getPropertyName();
    }
    Class<?> required = e.getRequiredType();
    String detail =
        "parameter '"
            + name
            + "' must be "
            + ProblemText.describe(required)
            + ", not '"
            + ProblemText.abbreviate(String.valueOf(e.getValue()))
            + "'";
    return answer(
        e,
        Problems.of(Problem.invalidParameter(name, detail, ProblemText.enumValues(required))),
        headers,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return missing(e, e.getParameterName(), "parameter", headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return missing(e, e.getRequestPartName(), "multipart part", headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body = BodyProblems.of(e, servletRequest(request));
    if (body.getStatus() == 503) {
      headers.set(HttpHeaders.RETRY_AFTER, "1");
    }
    if (body.getStatus() == 408 || body.getStatus() == 503) {
      headers.set(HttpHeaders.CONNECTION, "close"); // the rest of the body is not wanted
    }
    return answer(e, body, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(e, ValidationProblems.of(e), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(e, ValidationProblems.of(e), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return noEndpoint(e, e.getHttpMethod().name(), "/" + e.getResourcePath(), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoHandlerFoundException(
      NoHandlerFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return noEndpoint(e, e.getHttpMethod(), e.getRequestURL(), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    long max = e.getMaxUploadSize();
    String detail =
        "The upload is larger than the server takes"
            + (max > 0 ? " (" + max + " bytes at most)." : ".");
    return answer(
        e,
        Problems.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large", detail),
        headers,
        request);
  }

  /**
   * Every problem goes through here: a stable type and code for Spring's own problems, no internal
   * detail on a 5xx, 5xx errors logged with an id the client sees, and the code left on the request
   * for the request log.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = SpringProblems.complete(e, body, status, getMessageSource());
    HttpServletRequest http = servletRequest(request);
    if (http != null) {
      ProblemWriter.remember(http, problem);
    }
    if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
      String errorId = UUID.randomUUID().toString();
      problem.setProperty("errorId", errorId);
      problem.setDetail(INTERNAL_DETAIL);
      log.error("Request {} failed (errorId {})", describe(request), errorId, e);
    } else {
      if (status.is5xxServerError()) {
        log.warn("Request {} answered {}: {}", describe(request), status.value(), e.toString());
      }
      problem.setDetail(ProblemText.safe(problem.getDetail(), problem.getTitle()));
    }
    return super.handleExceptionInternal(e, problem, headers, status, request);
  }

  // ---- helpers

  private ResponseEntity<Object> answer(
      Exception e, ProblemDetail body, HttpHeaders headers, WebRequest request) {
    return handleExceptionInternal(
        e, body, headers, HttpStatusCode.valueOf(body.getStatus()), request);
  }

  private ResponseEntity<Object> missing(
      Exception e, String name, String what, HttpHeaders headers, WebRequest request) {
    ProblemDetail body =
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "missing-parameter",
            "Missing parameter",
            "the required " + what + " '" + name + "' is missing");
    body.setProperty(Problems.FIELD, name);
    return answer(e, body, headers, request);
  }

  private ResponseEntity<Object> noEndpoint(
      Exception e, String method, String path, HttpHeaders headers, WebRequest request) {
    if (NotFoundPage.wanted(servletRequest(request))) {
      return page.answer(path);
    }
    return answer(
        e,
        Problems.of(
            HttpStatus.NOT_FOUND,
            "not-found",
            "Not found",
            "There is nothing at " + method + " " + ProblemText.abbreviate(path) + "."),
        headers,
        request);
  }

  private static HttpServletRequest servletRequest(WebRequest request) {
    return request instanceof NativeWebRequest n
        ? n.getNativeRequest(HttpServletRequest.class)
        : null;
  }

  private static String describe(WebRequest request) {
    HttpServletRequest http = servletRequest(request);
    return http != null
        ? http.getMethod() + " " + http.getRequestURI()
        : request.getDescription(false);
  }
}
