package com.diamondpricing.server.web;

/**
 * The firewall's rules for header and parameter names and values, as loops over the characters
 * instead of the regular expressions {@code StrictHttpFirewall} has by default (the same rules:
 * assigned Unicode code points that are not control characters, a tab allowed in header values).
 * Every header a request's handling reads is checked, several per request, and the expressions
 * showed up in the prediction path's profile.
 */
final class FieldCharacters {

  private FieldCharacters() {}

  /** Assigned code points, none a control character. */
  static boolean printable(String s) {
    return check(s, false);
  }

  /** Assigned code points, none a control character but the tab. */
  static boolean printableOrTab(String s) {
    return check(s, true);
  }

  private static boolean check(String s, boolean tab) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp >= 0x20 && cp < 0x7f) {
        i++; // printable ASCII, nearly every character
        continue;
      }
      if (!Character.isDefined(cp) || (Character.isISOControl(cp) && !(tab && cp == '\t'))) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}
