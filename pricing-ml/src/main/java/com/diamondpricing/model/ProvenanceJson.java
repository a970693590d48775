package com.diamondpricing.model;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.interval.IntervalJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link Provenance} as plain JSON and reads it back; NaN is written as null. */
public final class ProvenanceJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProvenanceJson() {}

  /** The provenance as a JSON-friendly map (stable key order). */
  public static Map<String, Object> toMap(Provenance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("modelType", p.modelType());
    m.put("dataHash", p.dataHash());
    m.put("trainingRows", p.trainingRows());
    m.put("seed", p.seed());
    m.put("parameters", p.parameters());
    m.put("libraries", p.libraries());
    m.put("trainedAt", p.trainedAt().toString());
    m.put("trainingSeconds", p.trainingSeconds());
    m.put("validation", p.validation() == null ? null : metrics(p.validation()));
    List<Map<String, Object>> trials = new ArrayList<>();
    for (TrialRecord t : p.trials()) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("number", t.number());
      tm.put("params", new LinkedHashMap<>(t.params()));
      tm.put("state", t.state());
      tm.put("validationMae", finiteOrNull(t.validationMae()));
      tm.put("seconds", t.seconds());
      trials.add(tm);
    }
    m.put("trials", trials);
    if (p.calibration() != null) {
      m.put("calibration", IntervalJson.toMap(p.calibration()));
    }
    return m;
  }

  /** Metrics as a map with keys r2, mae, rmse, mape. */
  public static Map<String, Object> metrics(Metrics metrics) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("r2", finiteOrNull(metrics.r2()));
    m.put("mae", finiteOrNull(metrics.mae()));
    m.put("rmse", finiteOrNull(metrics.rmse()));
    m.put("mape", finiteOrNull(metrics.mape()));
    return m;
  }

  public static String write(Provenance p) {
    try {
      return JSON.writeValueAsString(toMap(p));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("provenance cannot be written as JSON", e);
    }
  }

  public static Provenance read(String json) throws ModelLoadException {
    Map<String, Object> map;
    try {
      map = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new ModelLoadException("the model's provenance is not valid JSON", e);
    }
    return read(map);
  }

  /** A provenance from the map {@link #toMap} made (as parsed from JSON). */
  public static Provenance read(Map<String, Object> map) throws ModelLoadException {
    try {
      return fromMap(map);
    } catch (RuntimeException e) {
      throw new ModelLoadException("the model's provenance is not readable: " + e, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Provenance fromMap(Map<String, Object> m) {
    List<TrialRecord> trials = new ArrayList<>();
    for (Object o : (List<Object>) m.getOrDefault("trials", List.of())) {
      Map<String, Object> t = (Map<String, Object>) o;
      trials.add(
          new TrialRecord(
              ((Number) t.get("number")).intValue(),
              (Map<String, Object>) t.get("params"),
              (String) t.get("state"),
              doubleOrNaN(t.get("validationMae")),
              doubleOrNaN(t.get("seconds"))));
    }
    Map<String, Object> v = (Map<String, Object>) m.get("validation");
    Metrics validation =
        v == null
            ? null
            : new Metrics(
                doubleOrNaN(v.get("r2")),
                doubleOrNaN(v.get("mae")),
                doubleOrNaN(v.get("rmse")),
                doubleOrNaN(v.get("mape")));
    return new Provenance(
        (String) m.get("modelType"),
        (String) m.get("dataHash"),
        ((Number) m.get("trainingRows")).intValue(),
        ((Number) m.get("seed")).longValue(),
        (Map<String, Object>) m.get("parameters"),
        (Map<String, String>) m.get("libraries"),
        Instant.parse((String) m.get("trainedAt")),
        doubleOrNaN(m.get("trainingSeconds")),
        validation,
        trials,
        IntervalJson.calibration((Map<String, Object>) m.get("calibration")));
  }

  private static Object finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static double doubleOrNaN(Object o) {
    return o == null ? Double.NaN : ((Number) o).doubleValue();
  }
}
