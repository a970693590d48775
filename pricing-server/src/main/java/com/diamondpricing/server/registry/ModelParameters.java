package com.diamondpricing.server.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a fit or of one tuning trial, as the model type's trainer recorded them: each
 * name with its value (a number, a text or a list of texts), in the trainer's order. The names are
 * the model type's own, so they stay a map; in JSON, one object.
 *
 * @param values the parameters by name
 */
public record ModelParameters(@JsonValue Map<String, Object> values) {

  public ModelParameters {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
