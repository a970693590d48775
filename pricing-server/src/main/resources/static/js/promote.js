// "Compare and promote": a model and its feature set's champion scored on the same rows neither
// trained on (metrics side by side, overlaid fit and residual plots), their segment coverage and
// parameters, then a promotion that needs a reason, a confirmation and the key, asked each time.
(function () {
  "use strict";
  const id = document.body.dataset.modelId;
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  const blue = "rgba(11, 79, 138, 0.55)";
  const red = "rgba(198, 40, 40, 0.55)";
  let comparison = null;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function row(body, cells, cls) {
    const tr = el("tr", null, cls);
    cells.forEach((c, i) => tr.append(el(i === 0 ? "th" : "td", c, i > 0 ? "num" : null)));
    if (tr.firstChild) tr.firstChild.scope = "row";
    body.append(tr);
    return tr;
  }

  function name(side) {
    return side.type + " v" + side.version + " (model " + side.id + ")";
  }

  function metrics(c) {
    const body = document.querySelector("#side-by-side tbody");
    body.replaceChildren();
    const rows = [
      ["MAE", "mae", (v) => money.format(v), false],
      ["RMSE", "rmse", (v) => money.format(v), false],
      ["R2", "r2", (v) => v.toFixed(4), true],
      ["MAPE", "mape", (v) => (100 * v).toFixed(2) + "%", false],
    ];
    rows.forEach(([label, key, format, higherBetter]) => {
      const a = c.model.metrics[key];
      const b = c.other.metrics[key];
      const better = higherBetter ? a > b : a < b;
      const change = b === 0 ? "–" : ((100 * (a - b)) / Math.abs(b)).toFixed(1) + "%";
      const tr = row(body, [label, format(a), format(b), (a > b ? "+" : "") + change]);
      tr.children[better ? 1 : 2].classList.add("better");
      tr.children[3].textContent += better ? " (better)" : a === b ? "" : " (worse)";
    });
  }

  function scatter(canvas, datasets, x, y) {
    return new Chart(document.getElementById(canvas), {
      type: "scatter",
      data: { datasets: datasets },
      options: { animation: false, maintainAspectRatio: false, parsing: false, scales: { x: x, y: y } },
    });
  }

  function axis(title) {
    return { title: { display: true, text: title } };
  }

  function plots(c) {
    let lo = Infinity;
    let hi = -Infinity;
    c.points.forEach((p) => { lo = Math.min(lo, p.actual, p.model, p.other); hi = Math.max(hi, p.actual, p.model, p.other); });
    scatter("fit-chart", [
      { label: name(c.model), data: c.points.map((p) => ({ x: p.actual, y: p.model })), pointRadius: 2, backgroundColor: blue },
      { label: name(c.other), data: c.points.map((p) => ({ x: p.actual, y: p.other })), pointRadius: 2, backgroundColor: red },
      { label: "identity", type: "line", data: [{ x: lo, y: lo }, { x: hi, y: hi }], borderColor: "#000", borderWidth: 2, pointRadius: 0 },
    ], axis("actual price ($)"), axis("predicted price ($)"));
    scatter("residual-chart", [
      { label: name(c.model), data: c.points.map((p) => ({ x: p.actual, y: p.actual - p.model })), pointRadius: 2, backgroundColor: blue },
      { label: name(c.other), data: c.points.map((p) => ({ x: p.actual, y: p.actual - p.other })), pointRadius: 2, backgroundColor: red },
    ], axis("actual price ($)"), axis("actual − predicted ($)"));
  }

  function segments(a, b) {
    const body = document.querySelector("#segments tbody");
    body.replaceChildren();
    const of = (m) => {
      const out = {};
      ((m.coverage && m.coverage.outOfFold && m.coverage.outOfFold.segments) || []).forEach((s) => (out[s.kind + " " + s.level] = s));
      return out;
    };
    const sa = of(a);
    const sb = of(b);
    const keys = Array.from(new Set(Object.keys(sa).concat(Object.keys(sb))));
    const shown = (s) => (s && s.coverage90 != null ? (100 * s.coverage90).toFixed(1) + "% of " + s.rows.toLocaleString("en-US") : "–");
    const low = (s) => s && s.rows >= 50 && s.coverage90 != null && s.coverage90 < 0.85;
    keys.forEach((k) => {
      const tr = row(body, [k, shown(sa[k]), shown(sb[k])]);
      if (low(sa[k])) tr.children[1].classList.add("bad");
      if (low(sb[k])) tr.children[2].classList.add("bad");
    });
    if (!keys.length) row(body, ["no segment coverage recorded", "–", "–"]);
  }

  function parameters(a, b) {
    const body = document.querySelector("#parameters tbody");
    body.replaceChildren();
    const pa = a.parameters || {};
    const pb = b.parameters || {};
    Array.from(new Set(Object.keys(pa).concat(Object.keys(pb)))).sort().forEach((k) => {
      const tr = row(body, [k, pa[k] == null ? "–" : String(pa[k]), pb[k] == null ? "–" : String(pb[k])]);
      tr.children[1].className = "";
      tr.children[2].className = "";
    });
  }

  async function json(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await r.json();
    if (!r.ok) throw new Error(body.detail || body.title);
    return body;
  }

  async function load() {
    try {
      const c = await json("/api/v1/models/" + id + "/comparison?points=600");
      comparison = c;
      const [a, b] = await Promise.all([json("/api/v1/models/" + c.model.id), json("/api/v1/models/" + c.other.id)]);
      document.getElementById("title").textContent =
        "Compare " + name(c.model) + " with the champion, " + name(c.other);
      ["model-head", "seg-model-head", "par-model-head"].forEach((h) => (document.getElementById(h).textContent = name(c.model)));
      ["other-head", "seg-other-head", "par-other-head"].forEach((h) => (document.getElementById(h).textContent = name(c.other) + ", champion"));
      const note = document.getElementById("note");
      note.textContent = c.note;
      note.className = c.comparable ? "muted" : "error";
      if (c.comparable) {
        metrics(c);
        plots(c);
      } else {
        document.getElementById("confirm-text").textContent =
          "The two cannot be compared on the same rows; I want this one to price the stones all the same";
      }
      segments(a, b);
      parameters(a, b);
      document.getElementById("promote-button").textContent = "Make " + name(c.model) + " the champion";
      document.getElementById("comparison").hidden = false;
      document.body.dataset.loaded = "true";
    } catch (e) {
      document.getElementById("compare-error").textContent = e.message;
    }
  }

  function fieldError(field, message) {
    document.getElementById(field + "-error").textContent = message;
    const input = document.getElementById(field);
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }

  document.getElementById("promote").addEventListener("submit", async (event) => {
    event.preventDefault();
    ["reason", "confirm", "key"].forEach((f) => {
      document.getElementById(f + "-error").textContent = "";
      document.getElementById(f).removeAttribute("aria-invalid");
    });
    const status = document.getElementById("promote-status");
    status.textContent = "";
    const reason = document.getElementById("reason").value.trim();
    const key = document.getElementById("key");
    if (!reason) return fieldError("reason", "say why: it is kept in the champion history");
    if (!document.getElementById("confirm").checked) return fieldError("confirm", "confirm that you compared the two");
    if (!key.value.trim()) return fieldError("key", "the admin token or an admin key: it is not kept");
    const r = await fetch("/api/v1/models/" + comparison.model.id + "/promote", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: "Bearer " + key.value.trim() },
      body: JSON.stringify({ reason: reason }),
    });
    key.value = "";
    const answer = await r.json();
    if (!r.ok) {
      if (r.status === 401 || r.status === 403) return fieldError("key", answer.detail);
      status.textContent = answer.detail || answer.title;
      return;
    }
    status.textContent = answer.changed
      ? name(comparison.model) + " is the champion now. The move is in the champion history on the models page."
      : name(comparison.model) + " was the champion already; nothing changed.";
    document.getElementById("promote-button").disabled = true;
  });

  load();
})();
