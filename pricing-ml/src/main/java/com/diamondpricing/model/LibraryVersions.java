package com.diamondpricing.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of the libraries a model was fitted with, for its provenance. */
public final class LibraryVersions {

  private LibraryVersions() {}

  /**
   * The Java runtime, pricing-ml and the given Maven artifacts ({@code "group:artifact"}), each
   * read from the jar's Maven metadata; "unknown" when a jar carries none.
   */
  public static Map<String, String> of(String... artifacts) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("java", System.getProperty("java.version"));
    v.put("pricing-ml", version("com.diamondpricing", "pricing-ml"));
    for (String a : artifacts) {
      String[] ga = a.split(":");
      v.put(ga[1], version(ga[0], ga[1]));
    }
    return v;
  }

  static String version(String group, String artifact) {
    String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = LibraryVersions.class.getResourceAsStream(path)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
