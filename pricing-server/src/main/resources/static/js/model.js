// One model's page: its test metrics, its live bias and range coverage against their targets (see
// live-checks.js), the goodness-of-fit plot (predicted against actual on its
// test rows, with the identity line), residuals against price, the tuning trials (validation MAE
// by trial and the best so far), its parameters and provenance. Data from the models API.
(function () {
  "use strict";
  const id = document.body.dataset.modelId;
  const error = document.getElementById("model-error");
  const money = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const blue = "rgba(11, 79, 138, 0.35)";
  const axis = (text) => ({ title: { display: true, text: text } });

  function cell(row, text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    row.appendChild(td);
  }

  function fixed(v, digits) {
    return v == null ? "–" : Number(v).toFixed(digits);
  }

  function metrics(m) {
    const tr = document.createElement("tr");
    cell(tr, m.nTrain.toLocaleString("en-US") + " train / " + m.nTest.toLocaleString("en-US") + " test");
    cell(tr, fixed(m.test.mae, 2), "num");
    cell(tr, fixed(m.test.rmse, 2), "num");
    cell(tr, fixed(m.test.r2, 4), "num");
    cell(tr, m.test.mape == null ? "–" : (100 * m.test.mape).toFixed(2) + "%", "num");
    const coverage = (m.intervals || []).map((i) => (i.testCoverage == null ? "–" : (100 * i.testCoverage).toFixed(1) + "%"));
    cell(tr, coverage.length ? coverage.join(" / ") : "–", "num");
    document.querySelector("#metrics tbody").replaceChildren(tr);
  }

  function share(v) {
    return v == null ? "–" : (100 * v).toFixed(1) + "%";
  }

  function coverage(m) {
    const c = m.coverage || {};
    const body = document.querySelector("#coverage tbody");
    body.replaceChildren();
    if (!c.outOfFold && !c.test) {
      document.getElementById("coverage-summary").textContent =
        "Not measured: this model was trained before ranges were calibrated per segment.";
      return;
    }
    const test = {};
    ((c.test && c.test.segments) || []).forEach((s) => (test[s.kind + "=" + s.level] = s));
    const rows = [{ kind: "all", level: "stones", o: c.outOfFold, t: c.test }];
    ((c.outOfFold && c.outOfFold.segments) || []).forEach((s) =>
      rows.push({ kind: s.kind, level: s.level, o: s, t: test[s.kind + "=" + s.level] }));
    rows.forEach((r) => {
      const tr = document.createElement("tr");
      const label = r.kind === "comparables" ? "few comparables" : r.kind === "all" ? "all stones" : r.kind + " " + r.level;
      cell(tr, label);
      cell(tr, r.o ? r.o.rows.toLocaleString("en-US") : "–", "num");
      cell(tr, r.o ? share(r.o.coverage80) + " / " + share(r.o.coverage90) : "–", "num");
      cell(tr, r.t ? r.t.rows.toLocaleString("en-US") : "–", "num");
      cell(tr, r.t ? share(r.t.coverage80) + " / " + share(r.t.coverage90) : "–", "num");
      if (r.o && r.o.rows >= 50 && r.o.coverage90 != null && r.o.coverage90 < 0.85) tr.className = "low";
      body.appendChild(tr);
    });
  }

  async function live(m) {
    const summary = document.getElementById("live-summary");
    const body = document.querySelector("#live-checks tbody");
    body.replaceChildren();
    const r = await fetch("/api/v1/models/" + id + "/live", { headers: { Accept: "application/json" } }).catch(() => null);
    if (!r || !r.ok) {
      summary.textContent = "Live accuracy cannot be read right now.";
      document.getElementById("live-box").hidden = true;
      return;
    }
    const v = await r.json();
    const span = "sold " + v.since.slice(0, 10) + " to " + v.until.slice(0, 10) + " (UTC)";
    if (!v.enough) {
      summary.textContent = "Not enough sales yet of the stones it priced, " + span + ": " + v.n + " of " + v.minSales +
        ". Its live bias and range coverage show from " + v.minSales + " sales.";
      document.getElementById("live-box").hidden = true;
      return;
    }
    summary.textContent = v.n.toLocaleString("en-US") + " sales of the stones it priced, " + span + ": MAE " +
      money.format(v.mae) + (v.maeToTestMae == null ? "" : " (" + v.maeToTestMae.toFixed(2) + "× its test MAE " + money.format(m.test.mae) + ")") + ".";
    document.getElementById("live-box").hidden = false;
    LiveChecks.rows(body, v);
  }

  function scatter(canvas, datasets, x, y) {
    return new Chart(document.getElementById(canvas), {
      type: "scatter",
      data: { datasets: datasets },
      options: { animation: false, maintainAspectRatio: false, parsing: false, scales: { x: x, y: y } },
    });
  }

  function fit(f) {
    const points = f.points.map((p) => ({ x: p.actual, y: p.predicted }));
    let lo = Infinity;
    let hi = -Infinity;
    f.points.forEach((p) => {
      lo = Math.min(lo, p.actual, p.predicted);
      hi = Math.max(hi, p.actual, p.predicted);
    });
    scatter("fit-chart", [
      { label: f.shown + " of " + f.testRows + " test rows", data: points, pointRadius: 2, backgroundColor: blue, borderColor: blue },
      { label: "identity: predicted = actual", type: "line", data: [{ x: lo, y: lo }, { x: hi, y: hi }],
        borderColor: "#000", borderWidth: 3, pointRadius: 0 },
    ], axis("actual price ($)"), axis("predicted price ($)"));
    const residuals = f.points.map((p) => ({ x: p.actual, y: p.actual - p.predicted }));
    let right = -Infinity;
    let left = Infinity;
    f.points.forEach((p) => { right = Math.max(right, p.actual); left = Math.min(left, p.actual); });
    scatter("residual-chart", [
      { label: "residual", data: residuals, pointRadius: 2, backgroundColor: blue, borderColor: blue },
      { label: "zero", type: "line", data: [{ x: left, y: 0 }, { x: right, y: 0 }], borderColor: "#000", borderWidth: 2, pointRadius: 0 },
    ], axis("actual price ($)"), axis("actual − predicted ($)"));
    document.getElementById("fit-png").href = f.links.plot;
  }

  function trials(m) {
    const all = (m.provenance && m.provenance.trials) || [];
    const summary = document.getElementById("trials-summary");
    if (!all.length) {
      summary.textContent = m.type + " does not tune: it has no trials.";
      document.getElementById("trials-box").hidden = true;
      return;
    }
    const complete = all.filter((t) => t.state === "COMPLETE" && t.validationMae != null);
    const pruned = all.filter((t) => t.state === "PRUNED" && t.validationMae != null);
    let best = Infinity;
    const bestSoFar = [];
    all.forEach((t) => {
      if (t.state === "COMPLETE" && t.validationMae != null) best = Math.min(best, t.validationMae);
      if (best < Infinity) bestSoFar.push({ x: t.number, y: best });
    });
    summary.textContent = all.length + " trials (" + complete.length + " complete, " + pruned.length +
      " pruned); best validation MAE " + (best < Infinity ? money.format(best) : "–") + ".";
    scatter("trial-chart", [
      { label: "complete trial", data: complete.map((t) => ({ x: t.number, y: t.validationMae })), backgroundColor: "#0b4f8a", pointRadius: 3 },
      { label: "pruned trial (last reported)", data: pruned.map((t) => ({ x: t.number, y: t.validationMae })), backgroundColor: "#b0b0b0", pointRadius: 3 },
      { label: "best so far", type: "line", data: bestSoFar, borderColor: "#c62828", borderWidth: 2, pointRadius: 0, stepped: true },
    ], Object.assign(axis("trial"), { ticks: { precision: 0 } }), axis("validation MAE ($)"));
  }

  function parameters(m) {
    const tuned = new Set();
    ((m.provenance && m.provenance.trials) || []).forEach((t) => Object.keys(t.params || {}).forEach((k) => tuned.add(k)));
    const body = document.querySelector("#parameters tbody");
    body.replaceChildren();
    Object.entries(m.parameters || {}).forEach(([name, value]) => {
      const tr = document.createElement("tr");
      cell(tr, name);
      cell(tr, Array.isArray(value) ? value.join(", ") : typeof value === "number" ? String(Number(value.toPrecision(6))) : String(value));
      cell(tr, tuned.has(name) ? "tuned" : "");
      body.appendChild(tr);
    });
  }

  function provenance(m) {
    const facts = [
      ["Model id", m.id], ["Created", m.createdAt.replace("T", " ").slice(0, 19)], ["Training run", m.runId == null ? "–" : m.runId],
      ["Dataset snapshot", m.snapshotId], ["Data hash", m.provenance.dataHash], ["Seed", m.provenance.seed],
      ["Training time", m.trainingSeconds.toFixed(1) + " s"],
      ["Libraries", Object.entries(m.libraries || {}).map(([k, v]) => k + " " + v).join(", ")],
    ];
    const dl = document.getElementById("provenance");
    dl.replaceChildren();
    facts.forEach(([k, v]) => {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = String(v);
      dl.append(dt, dd);
    });
  }

  async function load() {
    const r = await fetch("/api/v1/models/" + id, { headers: { Accept: "application/json" } });
    if (!r.ok) {
      const p = await r.json().catch(() => ({}));
      error.textContent = p.detail || "The model cannot be read right now.";
      document.body.dataset.loaded = "true";
      return;
    }
    const m = await r.json();
    document.title = m.type + " v" + m.version + " · diamond-pricing";
    const fourCs = m.featureSet === "four-cs";
    document.getElementById("title").textContent =
      m.type + " v" + m.version + (fourCs ? " (four Cs)" : "") + (m.champion ? " ★ champion" : "");
    document.getElementById("summary").textContent = "Model " + m.id + (fourCs
        ? ", a model of the four Cs (carat, cut, colour, clarity): it prices stones without measurements"
        : ", reading " + m.features.join(", ")) +
      ". Evaluated: fitted on " + m.nTrain.toLocaleString("en-US") + " rows of snapshot " + m.snapshotId +
      ", scored on its " + m.nTest.toLocaleString("en-US") + " test rows" +
      (m.servedRows == null ? "; that fit serves" : "; served: the same settings refitted on all " +
        m.servedRows.toLocaleString("en-US") + " rows") +
      (m.champion ? "; it answers prices now." : ".");
    document.getElementById("model").hidden = false;
    metrics(m);
    await live(m);
    coverage(m);
    trials(m);
    parameters(m);
    provenance(m);
    const f = await fetch("/api/v1/models/" + id + "/fit", { headers: { Accept: "application/json" } });
    if (f.ok) {
      fit(await f.json());
    } else {
      const p = await f.json().catch(() => ({}));
      error.textContent = p.detail || "The fit on the test rows cannot be drawn right now.";
    }
    document.body.dataset.loaded = "true";
  }

  load();
})();
