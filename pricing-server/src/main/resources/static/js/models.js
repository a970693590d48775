// The models page: the registry (a card per model on a phone), test MAE by version with one line
// per type and data snapshot (only those share test rows), the champion history with reasons and
// who moved it, and a way to each model's comparison with its champion, where promotion happens.
(function () {
  "use strict";
  const colours = ["#0b4f8a", "#c62828", "#2e7d32", "#7a4a00", "#6a1b9a", "#00838f"];
  const error = document.getElementById("models-error");

  function cell(row, content, cls) {
    const td = document.createElement("td");
    if (content instanceof Node) td.appendChild(content); else td.textContent = content;
    if (cls) td.className = cls;
    row.appendChild(td);
  }

  function coverage(m) {
    if (!m.intervals || !m.intervals.length) return "–";
    return m.intervals.map((i) => (i.testCoverage == null ? "–" : (100 * i.testCoverage).toFixed(1) + "%")).join(" / ");
  }

  function features(m) {
    return m.featureSet === "four-cs" ? "four Cs" : "all features";
  }

  function table(models) {
    const body = document.querySelector("#models tbody");
    body.replaceChildren();
    models.forEach((m) => {
      const tr = document.createElement("tr");
      tr.dataset.modelId = m.id;
      const link = document.createElement("a");
      link.href = "/models/" + m.id;
      link.textContent = m.type + " v" + m.version + " (" + features(m) + ")";
      cell(tr, link);
      if (m.champion) {
        cell(tr, "★ champion", "champion");
      } else {
        const compare = document.createElement("a");
        compare.href = "/models/" + m.id + "/promote";
        compare.textContent = "Compare and promote";
        compare.setAttribute("aria-label", "Compare " + m.type + " v" + m.version + " with its champion, and promote it");
        cell(tr, compare);
      }
      cell(tr, m.test.mae.toFixed(2), "num");
      cell(tr, m.test.r2.toFixed(4), "num");
      cell(tr, coverage(m), "num");
      cell(tr, "snapshot " + m.snapshotId, "num");
      cell(
        tr,
        m.nTrain.toLocaleString("en-US") + " / " + m.nTest.toLocaleString("en-US") +
          (m.servedRows == null ? "" : " (serves " + m.servedRows.toLocaleString("en-US") + ")"),
        "num");
      cell(tr, m.createdAt.replace("T", " ").slice(0, 16));
      body.appendChild(tr);
    });
  }

  let chart = null;
  function draw(models) {
    const series = {};
    models.forEach((m) => {
      const name = m.type + (m.featureSet === "four-cs" ? " (four Cs)" : "") + ", snapshot " + m.snapshotId;
      (series[name] = series[name] || []).push({ x: m.version, y: m.test.mae });
    });
    const datasets = Object.keys(series).sort().map((name, i) => ({
      label: name,
      data: series[name].sort((a, b) => a.x - b.x),
      borderColor: colours[i % colours.length],
      backgroundColor: colours[i % colours.length],
      tension: 0,
    }));
    if (chart) chart.destroy();
    chart = new Chart(document.getElementById("mae-chart"), {
      type: "line",
      data: { datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: "linear", title: { display: true, text: "version" }, ticks: { precision: 0 } },
          y: { title: { display: true, text: "test MAE on its snapshot's test rows ($)" } },
        },
      },
    });
  }

  async function history(models) {
    const name = {};
    models.forEach((m) => (name[m.id] = m.type + " v" + m.version));
    const all = [];
    for (const set of ["all", "four-cs"]) {
      const r = await fetch("/api/v1/models/champion/history?featureSet=" + set, { headers: { Accept: "application/json" } });
      if (r.ok) (await r.json()).forEach((c) => all.push(Object.assign({ set: set }, c)));
    }
    all.sort((a, b) => b.changedAt.localeCompare(a.changedAt));
    const body = document.querySelector("#history tbody");
    body.replaceChildren();
    all.forEach((c) => {
      const tr = document.createElement("tr");
      cell(tr, c.changedAt.replace("T", " ").slice(0, 19));
      cell(tr, c.set === "four-cs" ? "four Cs" : "all");
      cell(tr, c.fromModelId == null ? "–" : (name[c.fromModelId] || "model " + c.fromModelId));
      cell(tr, name[c.toModelId] || "model " + c.toModelId);
      cell(tr, c.reason, "reason");
      cell(tr, c.keyId || "training pipeline");
      body.appendChild(tr);
    });
  }

  async function load() {
    const r = await fetch("/api/v1/models", { headers: { Accept: "application/json" } });
    if (!r.ok) {
      error.textContent = "The models cannot be read right now.";
      return;
    }
    const models = await r.json();
    table(models);
    draw(models);
    await history(models);
    document.body.dataset.loaded = "true";
  }

  load();
})();
