package com.diamondpricing.server.dataset;

import com.diamondpricing.data.DropReason;
import com.diamondpricing.data.QualityReport;
import com.diamondpricing.data.RowProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A quality report as JSON-friendly values, for storage and for API answers. */
public final class QualityReports {

  private QualityReports() {}

  public static Map<String, Object> toMap(QualityReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", r.source());
    m.put("accepted", r.accepted());
    m.put("rejection", r.rejection());
    m.put("rowsRead", r.rowsRead());
    m.put("rowsKept", r.rowsKept());
    Map<String, Object> dropped = new LinkedHashMap<>();
    for (DropReason reason : DropReason.values()) {
      dropped.put(reason.rule(), r.dropped().get(reason));
    }
    m.put("dropped", dropped);
    m.put("malformedRows", r.malformedRows());
    List<Map<String, Object>> problems = new ArrayList<>();
    for (RowProblem p : r.problems()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("line", p.line());
      pm.put("column", p.column());
      pm.put("value", p.value());
      pm.put("message", p.message());
      problems.add(pm);
    }
    m.put("problems", problems);
    return m;
  }
}
