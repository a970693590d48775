package com.diamondpricing.server.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something the service refuses to do, in its own words: a {@link Kind}, a stable code, a title, a
 * detail and, for bad input, the field at fault and the values it takes. Features throw problems
 * (subclasses named {@code *Problem}, or the factories here); each edge words them its own way: the
 * HTTP API as an RFC 9457 answer whose status follows the kind ({@code web.ApiExceptionHandler}),
 * the command line as a sentence and an exit code ({@code cli.ProblemWords}). Nobody reads the
 * message to decide anything; the code and the kind say what happened.
 *
 * <p>A problem is an answer, not a fault: it carries no stack trace.
 */
public class Problem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The code of a parameter or body field with a value the service does not take. */
  public static final String INVALID_PARAMETER = "invalid-parameter";

  /** The title of {@value #INVALID_PARAMETER}. */
  public static final String INVALID_PARAMETER_TITLE = "Invalid parameter";

  private final Kind kind;
  private final String code;
  private final String title;
  private String field;
  private List<String> allowedValues = List.of();
  private Long retryAfterSeconds;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  /**
   * @param kind what sort of refusal it is (the HTTP status and the exit code follow it)
   * @param code the stable code (also the last segment of the HTTP problem type)
   * @param title a short summary that does not change from one occurrence to the next
   * @param detail what went wrong this time, in words a client may show
   */
  protected Problem(Kind kind, String code, String title, String detail) {
    super(detail, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = Objects.requireNonNull(code, "code");
    this.title = Objects.requireNonNull(title, "title");
  }

  /** A problem with one kind, code, title and detail. */
  public static Problem of(Kind kind, String code, String title, String detail) {
    return new Problem(kind, code, title, detail);
  }

  /**
   * A request parameter or body field has a value the service does not take.
   *
   * @param field the parameter's or field's name
   * @param detail what is wrong, in words
   * @param allowedValues the values it takes, or an empty list when they are not a short list
   */
  public static Problem invalidParameter(String field, String detail, List<String> allowedValues) {
    return new Problem(Kind.INVALID_INPUT, INVALID_PARAMETER, INVALID_PARAMETER_TITLE, detail)
        .field(field, allowedValues);
  }

  /** Names the field at fault and, when they are a short list, the values it takes. */
  protected final Problem field(String field, List<String> allowedValues) {
    this.field = field;
    this.allowedValues = List.copyOf(allowedValues);
    return this;
  }

  /** Adds a property to the problem (a typed value, rendered as JSON by the HTTP edge). */
  protected final void property(String name, Object value) {
    properties.put(name, value);
  }

  /** Says in how many seconds trying again may succeed. */
  public final Problem retryAfter(long seconds) {
    this.retryAfterSeconds = seconds;
    return this;
  }

  /** What sort of refusal it is. */
  public final Kind kind() {
    return kind;
  }

  /** The stable code. */
  public final String code() {
    return code;
  }

  /** The short summary. */
  public final String title() {
    return title;
  }

  /** What went wrong this time, in words a client may show (also the message). */
  public final String detail() {
    return getMessage();
  }

  /** The field at fault, or null. */
  public final String field() {
    return field;
  }

  /** The values the field takes; empty when there is no short list. */
  public final List<String> allowedValues() {
    return allowedValues;
  }

  /** Seconds until trying again may succeed, or null when waiting does not help. */
  public final Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The problem's further properties, by name, in the order they were added. */
  public final Map<String, Object> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** What sort of refusal a problem is: each edge words the kinds its own way. */
  public enum Kind {
    /** The input is malformed or a value is not one the service takes (HTTP 400). */
    INVALID_INPUT,
    /** What was asked for does not exist (HTTP 404). */
    NOT_FOUND,
    /** The request contradicts the state things are in (HTTP 409). */
    CONFLICT,
    /** The input is well formed but cannot be acted on (HTTP 422). */
    UNPROCESSABLE,
    /** The client asked for more than it may for now (HTTP 429). */
    TOO_MANY_REQUESTS,
    /** The service cannot do it now; the request itself is fine (HTTP 503). */
    UNAVAILABLE
  }
}
