package com.diamondpricing.data;

import java.util.Arrays;
import java.util.List;

/**
 * A diamond grade (cut, color or clarity): a fixed, ordered list of levels with canonical labels.
 * The order of the constants is the notebook's category order; a level's {@link #code()} is its
 * position in that order, which the models use as the categorical code.
 */
public interface Grade {

  /** The canonical spelling, e.g. {@code "Very Good"}. */
  String label();

  /** The position of this level in the notebook's category order, from 0. */
  int code();

  /**
   * The level's place in the trade's quality order, from 0 for the lowest (Fair, J, I1) up: what a
   * model that treats grades as ordered numbers uses, so that one split can say "at least VS2".
   */
  int rank();

  /**
   * Parses a grade: the canonical label, case-insensitive, with surrounding spaces trimmed and
   * inner runs of spaces folded ({@code " very good "} is Very Good).
   *
   * @throws UnknownGradeException naming the field and the allowed values
   */
  static <G extends Enum<G> & Grade> G parse(Class<G> type, String field, String text) {
    for (G level : type.getEnumConstants()) {
      if (matches(level, text)) {
        return level;
      }
    }
    throw new UnknownGradeException(field, text, labels(type));
  }

  /**
   * Whether the text names this level: its label, case-insensitive, spaces trimmed and inner runs
   * of spaces folded. The one rule every parser of grades uses.
   */
  static boolean matches(Grade level, String text) {
    if (text == null) {
      return false;
    }
    // read once, without a regular expression (every price parses three grades): surrounding
    // white space skipped (String.strip), an inner run of \s as one space, ASCII case folded
    String label = level.label();
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int i = 0;
    while (i < end && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int j = 0;
    while (i < end) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        while (i < end && isSpace(text.charAt(i))) {
          i++;
        }
        c = ' ';
      } else {
        i++;
      }
      if (j >= label.length() || c > 127 || lower(c) != lower(label.charAt(j))) {
        return false;
      }
      j++;
    }
    return j == label.length();
  }

  /** What the regular expression {@code \s} matches. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** The canonical labels of a grade type, in the notebook's order. */
  static <G extends Enum<G> & Grade> List<String> labels(Class<G> type) {
    return Arrays.stream(type.getEnumConstants()).map(Grade::label).toList();
  }
}
