package com.diamondpricing.server.training;

import java.util.regex.Pattern;

/**
 * Why a run did not succeed, as the API shows it: a stable code and a short message in words (the
 * exception itself is in the server log).
 *
 * @param code {@value #TRAINING_FAILED}, {@value #INTERRUPTED}, {@value #INTERRUPTED_AGAIN} or
 *     {@value #LEASE_LOST}
 * @param message at most {@value #MAX_MESSAGE} characters, no class names
 */
public record RunError(String code, String message) {

  public static final String TRAINING_FAILED = "training-failed";
  public static final String INTERRUPTED = "interrupted";
  public static final String LEASE_LOST = "lease-lost";
  public static final String INTERRUPTED_AGAIN = "interrupted-again";

  static final int MAX_MESSAGE = 300;

  private static final Pattern JAVA_NAME =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*|\\b\\w*Exception\\b");

  /** A model type that failed to train: the exception's own first line, when it reads as words. */
  static RunError trainingFailed(String type, Throwable e) {
    String message = e.getMessage();
    String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
    String words =
        first.isEmpty() || JAVA_NAME.matcher(first).find()
            ? "an unexpected error (the server log has it)"
            : first;
    return new RunError(TRAINING_FAILED, cut("training " + type + " failed: " + words));
  }

  static RunError interrupted(String why) {
    return new RunError(INTERRUPTED, cut(why));
  }

  /** A retry interrupted in turn: not run again by itself; the message says what to do. */
  static RunError interruptedAgain(String why) {
    return new RunError(INTERRUPTED_AGAIN, cut(why));
  }

  private static String cut(String s) {
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE - 1) + "\u2026";
  }
}
