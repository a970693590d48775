package com.diamondpricing.server.apikey;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a key may do: each role is one Spring Security authority, {@code ROLE_<NAME>}. */
public enum KeyRole {
  /** Report, correct and void sales, and read the quotes and sales (a till, a sales app). */
  SALES,
  /** Everything a key may do: models, training, the request log, keys, and sales. */
  ADMIN;

  /** The role's name as the API and the command line spell it: {@code sales}, {@code admin}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Spring Security role name (without its {@code ROLE_} prefix). */
  public String authorityRole() {
    return name();
  }

  /** The role spelled {@code label}, in any case. */
  public static Optional<KeyRole> of(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String wanted = label.strip();
    return Arrays.stream(values()).filter(r -> r.label().equalsIgnoreCase(wanted)).findFirst();
  }

  /** Every role's label, for the allowed values of an error. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(KeyRole::label).toList();
  }
}
