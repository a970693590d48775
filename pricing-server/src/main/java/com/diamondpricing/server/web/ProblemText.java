package com.diamondpricing.server.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Words for problems: types described for people, values cut short, nothing internal shown. */
final class ProblemText {

  private static final Pattern JAVA_NAME =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*|Exception\\b");

  private ProblemText() {}

  /** The text, unless it could show the server's insides (a class name); then the fallback. */
  static String safe(String text, String fallback) {
    if (text == null || text.isBlank() || JAVA_NAME.matcher(text).find()) {
      return fallback;
    }
    return text;
  }

  /** A value as sent, cut to 60 characters. */
  static String abbreviate(String value) {
    return value.length() <= 60 ? value : value.substring(0, 57) + "...";
  }

  /** What a Java type is, in words a client understands ("an integer", "one of a, b"). */
  static String describe(Class<?> type) {
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

  /** The values of an enum type as the API spells them (lower case); none for other types. */
  static List<String> enumValues(Class<?> type) {
    if (type == null || !type.isEnum()) {
      return List.of();
    }
    return Arrays.stream(type.getEnumConstants())
        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
        .toList();
  }
}
