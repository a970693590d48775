package com.diamondpricing.server.system;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON text for the database's JSON columns and the command line's output, written and read with
 * Jackson 3 (the library Spring uses for the API): records and lists of records in, the same types
 * out. A stored document written before a field existed reads that field as its type's default
 * (false, 0, null).
 */
public final class Json {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The value of a stored JSON document, or null when there is none. */
  public static <T> T read(String json, Class<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return MAPPER.readValue(json, type);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "stored JSON is not readable: " + e.getOriginalMessage(), e);
    }
  }

  /** The elements of a stored JSON array; empty when there is none. */
  public static <T> List<T> readList(String json, Class<T> element) {
    if (json == null) {
      return List.of();
    }
    try {
      List<T> list =
          MAPPER.readValue(
              json, MAPPER.getTypeFactory().constructCollectionType(List.class, element));
      return List.copyOf(list);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "stored JSON is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
