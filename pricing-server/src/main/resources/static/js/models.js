// The models page: the registry as a table, test MAE by version per type (Chart.js, from the
// server's webjar), and promotion or rollback with the admin token, kept for this browser session.
(function () {
  "use strict";
  const colours = ["#0b4f8a", "#c62828", "#2e7d32", "#7a4a00", "#6a1b9a"];
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

  async function promote(id) {
    const r = await AdminToken.fetch("/api/v1/models/" + id + "/promote", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason: "promoted from the models page" }),
    });
    if (!r.ok) {
      const p = await r.json();
      error.textContent = p.detail || "The model could not be promoted.";
      return;
    }
    error.textContent = "";
    await load();
  }

  function table(models) {
    const body = document.querySelector("#models tbody");
    body.replaceChildren();
    models.forEach((m) => {
      const tr = document.createElement("tr");
      const link = document.createElement("a");
      link.href = "/models/" + m.id;
      link.textContent = m.type;
      cell(tr, link);
      cell(tr, String(m.version), "num");
      cell(tr, m.featureSet === "four-cs" ? "four Cs" : "all");
      cell(tr, m.createdAt.replace("T", " ").slice(0, 16));
      cell(
        tr,
        m.nTrain.toLocaleString("en-US") + " / " + m.nTest.toLocaleString("en-US") +
          (m.servedRows == null ? "" : " (serves " + m.servedRows.toLocaleString("en-US") + ")"),
        "num");
      cell(tr, m.test.mae.toFixed(2), "num");
      cell(tr, m.test.r2.toFixed(4), "num");
      cell(tr, coverage(m), "num");
      cell(tr, m.trainingSeconds == null ? "–" : m.trainingSeconds.toFixed(1) + " s", "num");
      if (m.champion) {
        cell(tr, m.featureSet === "four-cs" ? "★ champion (four Cs)" : "★ champion", "champion");
      } else {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = "Make champion";
        b.setAttribute("aria-label", "Make " + m.type + " v" + m.version + " the champion");
        b.addEventListener("click", () => promote(m.id));
        cell(tr, b);
      }
      body.appendChild(tr);
    });
  }

  let chart = null;
  function draw(models) {
    const byType = {};
    models.forEach((m) => {
      const series = m.type + (m.featureSet === "four-cs" ? " (four Cs)" : "");
      (byType[series] = byType[series] || []).push({ x: m.version, y: m.test.mae });
    });
    const datasets = Object.keys(byType).sort().map((type, i) => ({
      label: type,
      data: byType[type].sort((a, b) => a.x - b.x),
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
          y: { title: { display: true, text: "test MAE ($)" } },
        },
      },
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
    document.body.dataset.loaded = "true";
  }

  load();
})();
