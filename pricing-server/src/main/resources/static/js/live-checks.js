// Live figures against their targets, as the monitoring page and a model's page show them: a
// model's bias and 80% / 90% range coverage (from GET /api/v1/models/{id}/live, `checks`), each
// with its 90% interval, n and a status said in words as well as colour (ok, warn, bad).
window.LiveChecks = (function () {
  "use strict";
  const marks = { ok: "✓", warn: "!", bad: "✗" };
  const words = { ok: "OK", warn: "Warn", bad: "Bad" };
  const dollars = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

  // 0.683 -> "68.3%"; signed: -0.051 -> "−5.1%", 0.2 -> "+20.0%"
  function percent(v, signed, digits) {
    if (v == null) return "–";
    const d = digits == null ? 1 : digits;
    const text = Math.abs(100 * v).toFixed(d) + "%";
    if (!signed) return (100 * v).toFixed(d) + "%";
    return (v < 0 && text !== (0).toFixed(d) + "%" ? "−" : "+") + text;
  }

  // a sale ratio as a change: 1.2 -> "+20%", 0.95 -> "−5%", 1.004 -> "+0.4%"
  function change(ratio) {
    const c = ratio - 1;
    return percent(c, true, Math.abs(c) < 0.01 ? 1 : 0);
  }

  function figure(c) {
    return c.figure === "bias" ? "Bias (price − sale)" : c.figure === "coverage80" ? "80% range coverage" : "90% range coverage";
  }

  function value(c, view) {
    if (c.figure !== "bias") return percent(c.value);
    const money = view && view.bias != null
      ? " (" + (view.bias < 0 ? "−$" : "+$") + dollars.format(Math.abs(view.bias)) + " a stone)" : "";
    return percent(c.value, true) + money;
  }

  function interval(c) {
    const bias = c.figure === "bias";
    return c.low == null ? "–" : percent(c.low, bias) + " to " + percent(c.high, bias);
  }

  function target(c) {
    return c.figure === "bias" ? "0%" : (100 * c.target).toFixed(0) + "%";
  }

  function cell(row, text, cls, label) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    if (label) td.dataset.label = label; // the column's name, shown before the cell on a phone
    row.appendChild(td);
    return td;
  }

  // "✗ Bad: below target: the ranges are too narrow"
  function statusCell(row, c) {
    return cell(row, marks[c.status] + " " + words[c.status] + ": " + c.verdict, "status status-" + c.status, "Status");
  }

  // a segment's coverage in one cell: "61.5% ✗ too narrow", "79.2% ✓ ok", "95.0% ! too wide"
  function shortCell(row, c) {
    if (!c) return cell(row, "–", "num");
    const what = c.status === "ok" ? "ok" : c.value < c.target ? "too narrow" : "too wide";
    const td = cell(row, percent(c.value) + " " + marks[c.status] + " " + what, "num status status-" + c.status);
    td.title = c.verdict + " (90% interval " + interval(c) + ", " + c.n + " sales)";
    return td;
  }

  // one row per check: [lead] figure, live value, 90% interval, target, sales, status
  function rows(body, view, lead) {
    (view.checks || []).forEach((c, i) => {
      const tr = document.createElement("tr");
      tr.dataset.figure = c.figure;
      if (lead !== undefined) cell(tr, i === 0 ? lead : "", "lead");
      cell(tr, figure(c), "figure");
      cell(tr, value(c, view), "num", "Live");
      cell(tr, interval(c), "num", "90% interval");
      cell(tr, target(c), "num", "Target");
      cell(tr, String(c.n), "num", "Sales");
      statusCell(tr, c);
      body.appendChild(tr);
    });
  }

  return { percent: percent, change: change, rows: rows, shortCell: shortCell, cell: cell };
})();
