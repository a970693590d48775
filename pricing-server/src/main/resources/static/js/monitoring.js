// The monitoring page: each champion's live bias and range coverage against their targets (with
// their 90% intervals and n, see live-checks.js), each model's live MAE day by day against its
// test MAE (Chart.js), each segment's range coverage, and the drift of features and predicted price
// (PSI with n and p) and sale prices by grade level (with their 90% intervals) against the
// champion's training data.
(function () {
  "use strict";
  const colours = ["#0b4f8a", "#c62828", "#2e7d32", "#7a4a00", "#6a1b9a"];
  const error = document.getElementById("monitoring-error");

  function cell(row, text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    row.appendChild(td);
    return td;
  }

  function psi(v) {
    return v == null ? "–" : v.toFixed(3);
  }

  function live(series) {
    const withSales = series.filter((m) => m.days.some((d) => d.n > 0));
    document.getElementById("live-summary").textContent = withSales.length
      ? withSales.length + " model(s) with sales in the last 30 days; dashed: each model's test MAE."
      : "No sales reported in the last 30 days yet (POST /api/v1/sales or diamonds sales import).";
    const labels = series.length ? series[0].days.map((d) => d.day) : [];
    const datasets = [];
    series.forEach((m, i) => {
      const colour = colours[i % colours.length];
      const name = m.type + " v" + m.version + (m.featureSet === "four-cs" ? " (four Cs)" : "");
      datasets.push({ label: name + " live MAE", data: m.days.map((d) => d.mae),
        borderColor: colour, backgroundColor: colour, spanGaps: true, tension: 0 });
      datasets.push({ label: name + " test MAE", data: m.days.map(() => m.testMae),
        borderColor: colour, borderDash: [6, 4], pointRadius: 0, borderWidth: 1 });
    });
    new Chart(document.getElementById("live-chart"), {
      type: "line",
      data: { labels: labels, datasets: datasets },
      options: { animation: false, maintainAspectRatio: false,
        scales: { y: { title: { display: true, text: "MAE ($)" } }, x: { title: { display: true, text: "day of sale (UTC)" } } } },
    });
  }

  async function liveCoverage() {
    const r = await fetch("/api/v1/models", { headers: { Accept: "application/json" } });
    if (!r.ok) return;
    const champions = (await r.json()).filter((m) => m.champion);
    const checks = document.querySelector("#live-checks tbody");
    const body = document.querySelector("#live-coverage tbody");
    checks.replaceChildren();
    body.replaceChildren();
    if (!champions.length) {
      const tr = document.createElement("tr");
      cell(tr, "No champion yet.");
      checks.appendChild(tr);
    }
    for (const m of champions) {
      const l = await fetch("/api/v1/models/" + m.id + "/live", { headers: { Accept: "application/json" } });
      if (!l.ok) continue;
      const v = await l.json();
      const name = m.type + " v" + m.version + (m.featureSet === "four-cs" ? " (four Cs)" : "");
      if (v.enough) {
        LiveChecks.rows(checks, v, name);
      } else {
        const tr = document.createElement("tr");
        cell(tr, name);
        const td = cell(tr, v.message + ": bias and coverage show from " + v.minSales + " sales");
        td.colSpan = 6;
        checks.appendChild(tr);
      }
      const rows = [{ label: "all sold stones", sales: v.n, checks: v.checks }];
      (v.segments || []).forEach((s) => rows.push({ label: s.kind + " " + s.level, sales: s.sales, checks: s.checks }));
      rows.forEach((row, i) => {
        const tr = document.createElement("tr");
        cell(tr, i === 0 ? name : "");
        cell(tr, row.label);
        cell(tr, String(row.sales), "num");
        if (i === 0 && !v.enough) {
          const td = cell(tr, v.message, "num");
          td.colSpan = 2;
        } else {
          const by = {};
          (row.checks || []).forEach((c) => (by[c.figure] = c));
          LiveChecks.shortCell(tr, by.coverage80);
          LiveChecks.shortCell(tr, by.coverage90);
        }
        body.appendChild(tr);
      });
    }
  }

  function p(v) {
    return v == null ? "–" : v < 0.001 ? "< 0.001" : v.toFixed(3);
  }

  function drift(report) {
    document.getElementById("drift-summary").textContent = "Against " + report.type + " v" + report.version +
      " (model " + report.modelId + "): " + report.predictions.toLocaleString("en-US") + " predictions recorded in the window.";
    const body = document.querySelector("#drift tbody");
    body.replaceChildren();
    report.features.concat([report.predictedPrice]).forEach((f) => {
      const tr = document.createElement("tr");
      cell(tr, f.feature === "price" ? "predicted price" : f.feature);
      cell(tr, f.n.toLocaleString("en-US"), "num");
      cell(tr, psi(f.psi), "num");
      cell(tr, p(f.pValue), "num");
      cell(tr, f.label, "drift-" + f.label.replace(/ /g, "-"));
      cell(tr, (f.unseen || []).join(", "));
      body.appendChild(tr);
    });
    const segments = document.querySelector("#segments tbody");
    segments.replaceChildren();
    document.getElementById("segments-caption").textContent = "How the champion's sold stones sold against their prices, by grade" +
      " level, from " + report.minSegmentSales + " sales: the geometric mean of actual / predicted as a change, with its 90% interval;" +
      " a level is flagged only when the interval excludes no change (moderate under 10% off, major from 10%)";
    report.sales.forEach((s) => {
      const tr = document.createElement("tr");
      cell(tr, s.feature + " " + s.level);
      cell(tr, String(s.sales), "num");
      cell(tr, s.ratio == null ? "–"
        : LiveChecks.change(s.ratio) + " (90% CI " + LiveChecks.change(s.ratioLow) + " to " + LiveChecks.change(s.ratioHigh) + ")", "num");
      cell(tr, s.medianRatio == null ? "–" : s.medianRatio.toFixed(3), "num");
      cell(tr, s.label === "not enough data" ? s.label + " (" + s.sales + " of " + report.minSegmentSales + ")" : s.label,
        "drift-" + s.label.replace(/ /g, "-"));
      segments.appendChild(tr);
    });
  }

  async function load() {
    try {
      const [l, d] = await Promise.all([
        fetch("/api/v1/monitoring/live?days=30", { headers: { Accept: "application/json" } }),
        fetch("/api/v1/monitoring/drift", { headers: { Accept: "application/json" } }),
      ]);
      if (l.ok) live(await l.json()); else error.textContent = "Live accuracy cannot be read right now.";
      await liveCoverage();
      if (d.ok) drift(await d.json());
      else {
        const p = await d.json().catch(() => ({}));
        error.textContent = p.detail || "Drift cannot be computed right now.";
      }
    } catch (e) {
      error.textContent = "The monitoring data cannot be read right now.";
    }
    document.body.dataset.loaded = "true";
  }

  load();
})();
