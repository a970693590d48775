package com.diamondpricing.server.cli;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.server.registry.AliasChange;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.system.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON the database-backed commands print: one compact document, no NaN (null instead). */
final class CliJson {

  private CliJson() {}

  static String write(Object value) {
    return Json.write(value);
  }

  static Object number(double v) {
    return Double.isFinite(v) ? v : null;
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  static Map<String, Object> metrics(Metrics m) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("r2", number(m.r2()));
    j.put("mae", number(m.mae()));
    j.put("rmse", number(m.rmse()));
    j.put("mape", number(m.mape()));
    return j;
  }

  /** A model's registry entry without its provenance (for lists). */
  static Map<String, Object> summary(ModelEntry e, boolean champion) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("id", e.id());
    j.put("type", e.type());
    j.put("version", e.version());
    j.put("champion", champion);
    j.put("createdAt", time(e.createdAt()));
    j.put("runId", e.runId());
    j.put("snapshotId", e.snapshotId());
    j.put("test", metrics(e.test()));
    j.put("nTrain", e.nTrain());
    j.put("nTest", e.nTest());
    j.put("trainingSeconds", number(e.trainingSeconds()));
    return j;
  }

  static Map<String, Object> aliasChange(AliasChange c) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("id", c.id());
    j.put("alias", c.alias());
    j.put("changedAt", time(c.changedAt()));
    j.put("from", c.fromModelId());
    j.put("to", c.toModelId());
    j.put("reason", c.reason());
    return j;
  }
}
