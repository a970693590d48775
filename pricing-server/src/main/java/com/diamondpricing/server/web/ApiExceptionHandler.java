package com.diamondpricing.server.web;

import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.data.UnknownGradeException;
import com.diamondpricing.model.MissingFeatureException;
import com.diamondpricing.server.dataset.QualityReports;
import com.diamondpricing.server.prediction.BatchItemException;
import com.diamondpricing.server.prediction.GradeValue;
import com.diamondpricing.server.prediction.NoChampionException;
import com.diamondpricing.server.registry.ModelNotFoundException;
import com.diamondpricing.server.training.RunNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
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
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of the HTTP API into an RFC 9457 problem ({@code application/problem+json}).
 * Every problem has a stable {@code type} ({@value #TYPE_BASE}{@code <slug>}) and the same slug as
 * its {@code code} property, a {@code title}, the {@code status}, a {@code detail} in words and the
 * request path as {@code instance}; some add {@code field} and {@code allowedValues} (bad input),
 * {@code report} (a rejected dataset) or {@code errorId} (an unexpected error, as logged). No
 * answer ever holds a stack trace or a Java class name.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** The prefix of every problem type. */
  public static final String TYPE_BASE = "https://diamond-pricing.example/problems/";

  /** The property holding the problem's slug. */
  public static final String CODE = "code";

  /** The property naming the parameter or body field at fault. */
  public static final String FIELD = "field";

  /** The property listing the values a parameter takes. */
  public static final String ALLOWED_VALUES = "allowedValues";

  static final String INVALID_PARAMETER = "invalid-parameter";
  static final String INVALID_PARAMETER_TITLE = "Invalid parameter";

  /** Seconds a client is asked to wait when the database does not answer. */
  static final long DATABASE_RETRY_AFTER_SECONDS = 5;

  private static final String INTERNAL_DETAIL =
      "The server could not answer this request because of an unexpected error; it has been"
          + " logged with the errorId given here.";
  private static final Pattern ALLOWED = Pattern.compile("allowed values: ([^;]+)$");
  private static final Pattern JAVA_NAME =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*|Exception\\b");

  /** The problem type of a slug. */
  public static URI type(String slug) {
    return URI.create(TYPE_BASE + slug);
  }

  // ---- the service's own exceptions

  @ExceptionHandler(RunNotFoundException.class)
  ResponseEntity<Object> runNotFound(RunNotFoundException e, WebRequest request) {
    return problem(e, HttpStatus.NOT_FOUND, "run-not-found", "Training run not found", request);
  }

  @ExceptionHandler(ModelNotFoundException.class)
  ResponseEntity<Object> modelNotFound(ModelNotFoundException e, WebRequest request) {
    return problem(e, HttpStatus.NOT_FOUND, "model-not-found", "Model not found", request);
  }

  @ExceptionHandler(DatasetRejectedException.class)
  ResponseEntity<Object> datasetRejected(DatasetRejectedException e, WebRequest request) {
    ProblemDetail body =
        problemDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "dataset-rejected",
            "Dataset rejected",
            "The data were rejected and nothing was stored: " + e.report().rejection());
    body.setProperty("report", QualityReports.toMap(e.report()));
    return handleExceptionInternal(
        e, body, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
  }

  @ExceptionHandler(UnknownGradeException.class)
  ResponseEntity<Object> unknownGrade(UnknownGradeException e, WebRequest request) {
    ProblemDetail body =
        problemDetail(
            HttpStatus.BAD_REQUEST, INVALID_PARAMETER, INVALID_PARAMETER_TITLE, e.getMessage());
    body.setProperty(FIELD, e.field());
    body.setProperty(ALLOWED_VALUES, e.allowed());
    return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler(MissingFeatureException.class)
  ResponseEntity<Object> missingFeature(MissingFeatureException e, WebRequest request) {
    return missingFeature(e, e.feature().column(), e.getMessage(), request);
  }

  @ExceptionHandler(BatchItemException.class)
  ResponseEntity<Object> batchItem(BatchItemException e, WebRequest request) {
    return missingFeature(e, e.field(), e.getMessage(), request);
  }

  private ResponseEntity<Object> missingFeature(
      RuntimeException e, String field, String detail, WebRequest request) {
    ProblemDetail body =
        problemDetail(
            HttpStatus.UNPROCESSABLE_CONTENT, "missing-feature", "Missing feature", detail);
    body.setProperty(FIELD, field);
    body.setProperty(
        "errors", List.of(Map.of(FIELD, field, "message", "is required by the chosen model")));
    return handleExceptionInternal(
        e, body, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
  }

  @ExceptionHandler(NoChampionException.class)
  ResponseEntity<Object> noChampion(NoChampionException e, WebRequest request) {
    return problem(
        e, HttpStatus.SERVICE_UNAVAILABLE, "no-champion", "No model serving yet", request);
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> malformedUpload(MultipartException e, WebRequest request) {
    ProblemDetail body =
        problemDetail(
            HttpStatus.BAD_REQUEST,
            "malformed-upload",
            "Malformed upload",
            "The multipart body cannot be read: send multipart/form-data with its boundary and a"
                + " 'file' part.");
    return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  /** A header value the firewall refuses, found when the handler reads the header. */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
    ProblemDetail body =
        problemDetail(
            HttpStatus.BAD_REQUEST,
            ProblemResponses.REJECTED,
            "Request rejected",
            "The request's headers hold characters the service does not take.");
    return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
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
    ProblemDetail body =
        problemDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "database-unavailable",
            "Database unavailable",
            "The service cannot reach its database right now; try again in a few seconds.");
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER_SECONDS));
    return handleExceptionInternal(e, body, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
  }

  /** Anything else: 500 with a generic detail; the exception is logged with the errorId. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    ResponseStatus annotated =
        AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
    if (annotated != null && annotated.code() != HttpStatus.INTERNAL_SERVER_ERROR) {
      HttpStatus status = annotated.code();
      String reason = annotated.reason().isEmpty() ? e.getMessage() : annotated.reason();
      ProblemDetail body = ProblemDetail.forStatusAndDetail(status, reason);
      body.setTitle(status.getReasonPhrase());
      return handleExceptionInternal(e, body, new HttpHeaders(), status, request);
    }
    ProblemDetail body =
        problemDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal server error",
            INTERNAL_DETAIL);
    return handleExceptionInternal(
        e, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
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
            + describe(required)
            + ", not '"
            + abbreviate(String.valueOf(e.getValue()))
            + "'";
    ProblemDetail body =
        problemDetail(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, INVALID_PARAMETER_TITLE, detail);
    body.setProperty(FIELD, name);
    List<String> allowed = enumValues(required);
    if (!allowed.isEmpty()) {
      body.setProperty(ALLOWED_VALUES, allowed);
    }
    return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
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
    RequestBodyFilter.BodyTooLargeException tooLarge =
        cause(e, RequestBodyFilter.BodyTooLargeException.class);
    if (tooLarge != null) {
      ProblemDetail body =
          problemDetail(
              HttpStatus.CONTENT_TOO_LARGE,
              "body-too-large",
              "Request body too large",
              "The request body is larger than "
                  + tooLarge.limit
                  + " bytes, the most this endpoint takes.");
      return handleExceptionInternal(e, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }
    JacksonException jackson = cause(e, JacksonException.class);
    ProblemDetail body;
    IllegalArgumentException invalid = cause(e, IllegalArgumentException.class);
    if (jackson != null && !(jackson instanceof StreamReadException) && hasPath(jackson)) {
      String field = path(jackson);
      String detail;
      if (invalid != null && invalid.getMessage() != null) {
        detail = "field '" + field + "': " + invalid.getMessage();
      } else if (jackson instanceof UnrecognizedPropertyException) {
        detail = "field '" + field + "' is not known";
      } else if (jackson instanceof MismatchedInputException mismatch) {
        detail = "field '" + field + "' must be " + describe(mismatch.getTargetType());
        if (mismatch instanceof InvalidFormatException format) {
          detail += ", not '" + abbreviate(String.valueOf(format.getValue())) + "'";
        }
      } else {
        detail = "field '" + field + "' has a value that cannot be used";
      }
      HttpStatus bad =
          jackson instanceof UnrecognizedPropertyException
              ? HttpStatus.UNPROCESSABLE_CONTENT
              : HttpStatus.BAD_REQUEST;
      body = problemDetail(bad, INVALID_PARAMETER, INVALID_PARAMETER_TITLE, detail);
      body.setProperty(FIELD, field);
      body.setProperty("errors", List.of(fieldError(field, null, detail)));
      List<String> allowed = List.of();
      if (invalid instanceof UnknownGradeException grade) {
        allowed = grade.allowed();
      } else if (invalid != null) {
        allowed = allowedValues(invalid.getMessage());
      } else if (jackson instanceof MismatchedInputException mismatch) {
        allowed = enumValues(mismatch.getTargetType());
      }
      if (!allowed.isEmpty()) {
        body.setProperty(ALLOWED_VALUES, allowed);
      }
    } else if (jackson != null) {
      String detail = "The request body is not valid JSON";
      TokenStreamLocation where = jackson.getLocation();
      if (where != null && where.getLineNr() > 0) {
        detail += " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
      }
      body = problemDetail(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail);
    } else {
      String message = e.getMessage();
      String detail =
          message != null && message.startsWith("Required request body is missing")
              ? "The request body is missing."
              : "The request body cannot be read.";
      body = problemDetail(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail);
    }
    return handleExceptionInternal(
        e, body, headers, HttpStatusCode.valueOf(body.getStatus()), request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, Object>> errors = new ArrayList<>();
    for (var error : e.getBindingResult().getFieldErrors()) {
      errors.add(fieldError(error.getField(), error.getRejectedValue(), error.getDefaultMessage()));
    }
    for (var error : e.getBindingResult().getGlobalErrors()) {
      errors.add(fieldError(error.getObjectName(), null, error.getDefaultMessage()));
    }
    return invalid(e, errors, HttpStatus.UNPROCESSABLE_CONTENT, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, Object>> errors = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      String name = result.getMethodParameter().getParameterName();
      RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
      if (param != null && !param.name().isEmpty()) {
        name = param.name();
      }
      for (MessageSourceResolvable error : result.getResolvableErrors()) {
        errors.add(fieldError(name, result.getArgument(), error.getDefaultMessage()));
      }
    }
    return invalid(e, errors, HttpStatus.BAD_REQUEST, headers, request);
  }

  /** A problem listing every bad field with its rejected value and, for grades, the levels. */
  private ResponseEntity<Object> invalid(
      Exception e,
      List<Map<String, Object>> errors,
      HttpStatus status,
      HttpHeaders headers,
      WebRequest request) {
    List<String> words = new ArrayList<>();
    for (Map<String, Object> error : errors) {
      words.add("'" + error.get(FIELD) + "' " + error.get("message"));
    }
    ProblemDetail body =
        problemDetail(
            status,
            INVALID_PARAMETER,
            INVALID_PARAMETER_TITLE,
            words.isEmpty() ? "The request is not valid." : String.join("; ", words));
    if (!errors.isEmpty()) {
      body.setProperty(FIELD, errors.get(0).get(FIELD));
      Object allowed = errors.get(0).get(ALLOWED_VALUES);
      if (allowed != null) {
        body.setProperty(ALLOWED_VALUES, allowed);
      }
    }
    body.setProperty("errors", errors);
    return handleExceptionInternal(e, body, headers, status, request);
  }

  private static Map<String, Object> fieldError(String field, Object rejected, String message) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put(FIELD, field);
    m.put("rejectedValue", rejected == null ? null : abbreviate(String.valueOf(rejected)));
    m.put("message", message);
    if (message != null && message.startsWith(GradeValue.PREFIX)) {
      m.put(ALLOWED_VALUES, List.of(message.substring(GradeValue.PREFIX.length()).split(", ")));
    }
    return m;
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
    ProblemDetail body =
        problemDetail(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large", detail);
    return handleExceptionInternal(e, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
  }

  /**
   * Every problem goes through here: a stable type and code for Spring's own problems, no internal
   * detail on a 5xx, and 5xx errors logged with an id the client sees.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem;
    if (body instanceof ProblemDetail p) {
      problem = p;
    } else if (body == null && e instanceof ErrorResponse error) {
      problem = error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
    } else {
      problem = ProblemDetail.forStatus(status);
    }
    if (problem.getTitle() == null) {
      HttpStatus known = HttpStatus.resolve(status.value());
      problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
    }
    String slug = slug(e, status);
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      problem.setType(type(slug));
    }
    Map<String, Object> properties = problem.getProperties();
    if (properties == null || !properties.containsKey(CODE)) {
      problem.setProperty(CODE, problem.getType().toString().replace(TYPE_BASE, ""));
    }
    if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
      problem.setProperty(ALLOWED_VALUES, mediaTypes(unsupported.getSupportedMediaTypes()));
    } else if (e instanceof HttpMediaTypeNotAcceptableException unacceptable) {
      problem.setProperty(ALLOWED_VALUES, mediaTypes(unacceptable.getSupportedMediaTypes()));
    } else if (e instanceof HttpRequestMethodNotSupportedException method
        && method.getSupportedMethods() != null) {
      problem.setProperty(ALLOWED_VALUES, List.of(method.getSupportedMethods()));
    }
    if (request instanceof NativeWebRequest n) {
      HttpServletRequest http = n.getNativeRequest(HttpServletRequest.class);
      if (http != null) {
        ProblemWriter.remember(http, problem);
      }
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
      problem.setDetail(safe(problem.getDetail(), problem.getTitle()));
    }
    return super.handleExceptionInternal(e, problem, headers, status, request);
  }

  // ---- helpers

  private ResponseEntity<Object> problem(
      RuntimeException e, HttpStatus status, String slug, String title, WebRequest request) {
    ProblemDetail body = problemDetail(status, slug, title, safe(e.getMessage(), title));
    return handleExceptionInternal(e, body, new HttpHeaders(), status, request);
  }

  private ResponseEntity<Object> missing(
      Exception e, String name, String what, HttpHeaders headers, WebRequest request) {
    ProblemDetail body =
        problemDetail(
            HttpStatus.BAD_REQUEST,
            "missing-parameter",
            "Missing parameter",
            "the required " + what + " '" + name + "' is missing");
    body.setProperty(FIELD, name);
    return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  private ResponseEntity<Object> noEndpoint(
      Exception e, String method, String path, HttpHeaders headers, WebRequest request) {
    ProblemDetail body =
        problemDetail(
            HttpStatus.NOT_FOUND,
            "not-found",
            "Not found",
            "There is nothing at " + method + " " + abbreviate(path) + ".");
    return handleExceptionInternal(e, body, headers, HttpStatus.NOT_FOUND, request);
  }

  private static ProblemDetail problemDetail(
      HttpStatusCode status, String slug, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(type(slug));
    body.setTitle(title);
    body.setProperty(CODE, slug);
    return body;
  }

  /** The slug for Spring's own exceptions (ours set theirs). */
  private static String slug(Exception e, HttpStatusCode status) {
    if (e instanceof HttpRequestMethodNotSupportedException) {
      return "method-not-allowed";
    }
    if (e instanceof HttpMediaTypeNotSupportedException) {
      return "unsupported-media-type";
    }
    if (e instanceof HttpMediaTypeNotAcceptableException) {
      return "not-acceptable";
    }
    if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
      return "internal-error";
    }
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null
        ? "http-" + status.value()
        : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /** The message, unless it could show the server's insides; then the fallback. */
  private static String safe(String message, String fallback) {
    if (message == null || message.isBlank() || JAVA_NAME.matcher(message).find()) {
      return fallback;
    }
    return message;
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + String.join(", ", enumValues(type));
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  /** The values listed by a message ending "allowed values: a, b, c", or none. */
  private static List<String> allowedValues(String message) {
    Matcher allowed = message == null ? null : ALLOWED.matcher(message);
    if (allowed == null || !allowed.find()) {
      return List.of();
    }
    return Arrays.asList(allowed.group(1).strip().split("\\s*,\\s*"));
  }

  private static List<String> enumValues(Class<?> type) {
    if (type == null || !type.isEnum()) {
      return List.of();
    }
    return Arrays.stream(type.getEnumConstants())
        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
        .toList();
  }

  private static boolean hasPath(JacksonException e) {
    return e.getPath() != null && !e.getPath().isEmpty();
  }

  /** The JSON path of the field at fault, e.g. {@code models[1]}. */
  private static String path(JacksonException e) {
    StringBuilder s = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        if (!s.isEmpty()) {
          s.append('.');
        }
        s.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        s.append('[').append(r.getIndex()).append(']');
      }
    }
    return s.toString();
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static List<String> mediaTypes(List<MediaType> types) {
    return types.stream().map(Object::toString).toList();
  }

  private static String describe(WebRequest request) {
    if (request instanceof NativeWebRequest n
        && n.getNativeRequest() instanceof HttpServletRequest http) {
      return http.getMethod() + " " + http.getRequestURI();
    }
    return request.getDescription(false);
  }

  private static String abbreviate(String value) {
    return value.length() <= 60 ? value : value.substring(0, 57) + "...";
  }
}
