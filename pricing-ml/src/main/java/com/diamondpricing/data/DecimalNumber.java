package com.diamondpricing.data;

/**
 * The plain decimal numbers a CSV file may hold: an optional sign, digits with an optional
 * fraction, and an optional exponent ({@code 12}, {@code -0.5}, {@code .5}, {@code 1e3}). Java's
 * own parser also takes {@code NaN}, {@code Infinity}, hexadecimal and a trailing {@code d} or
 * {@code f}; those are not numbers in a data file.
 */
final class DecimalNumber {

  private DecimalNumber() {}

  static boolean matches(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }

  /** Spellings of NaN and infinity that other tools write. */
  static boolean isNonFinite(String s) {
    String t = s.toLowerCase(java.util.Locale.ROOT).replaceFirst("^[+-]", "");
    return t.equals("nan") || t.equals("inf") || t.equals("infinity");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
