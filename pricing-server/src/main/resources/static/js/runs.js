// The training runs page: the latest runs with a live progress bar for a running one (trial k of
// N, best validation MAE), a CSV upload that starts a run (admin token), and a rejected file's
// report with each bad row's line and column.
(function () {
  "use strict";
  const form = document.getElementById("upload");
  const fields = ["file", "models", "mode", "trials"];
  const money = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  let timer = null;

  function clearErrors() {
    form.querySelectorAll(".error").forEach((e) => (e.textContent = ""));
    document.getElementById("upload-done").textContent = "";
    document.getElementById("rejection").hidden = true;
  }

  function cell(row, content, cls) {
    const td = document.createElement("td");
    if (content instanceof Node) td.appendChild(content); else td.textContent = content;
    if (cls) td.className = cls;
    row.appendChild(td);
    return td;
  }

  function progress(run) {
    const p = run.progress;
    const box = document.createElement("div");
    box.className = "progress";
    if (run.status === "queued") {
      box.textContent = "waiting to start";
      return box;
    }
    if (run.status !== "running" && run.status !== "succeeded") {
      box.textContent = run.error || run.status;
      return box;
    }
    // the share done: whole models done, plus the current model's share of its trials
    const within = p.trials > 0 ? p.trial / p.trials : 0;
    const succeeded = run.status === "succeeded";
    const done = succeeded ? 1 : p.models > 0 ? (Math.max(p.model - 1, 0) + within) / p.models : 0;
    const bar = document.createElement("progress");
    bar.max = 1;
    bar.value = done;
    bar.id = "progress-" + run.id;
    let words;
    if (succeeded) {
      words = "done: " + p.models + (p.models === 1 ? " model" : " models") + " trained";
    } else {
      words = (p.currentModel || "starting") + " (" + p.model + " of " + p.models + ")";
      if (p.trials > 0) words += ": trial " + p.trial + " of " + p.trials;
      if (p.bestValidationMae != null) words += ", best validation MAE " + money.format(p.bestValidationMae);
    }
    bar.setAttribute("aria-label", "Run " + run.id + ": " + words);
    const text = document.createElement("span");
    text.className = "muted";
    text.textContent = words;
    box.append(bar, text);
    return box;
  }

  function outcomes(run) {
    const list = document.createElement("span");
    if (!run.outcomes.length) {
      list.textContent = run.modelTypes.join(", ");
      return list;
    }
    run.outcomes.forEach((o, i) => {
      if (i) list.append(", ");
      const a = document.createElement("a");
      a.href = "/models/" + o.modelId;
      a.textContent = o.type + " v" + o.version + (o.featureSet === "four-cs" ? " (four Cs)" : "");
      list.append(a, o.promoted ? " ★" : o.existing ? " (registered before)" : "");
      a.title = o.reason;
    });
    return list;
  }

  function table(runs) {
    const body = document.querySelector("#runs tbody");
    body.replaceChildren();
    runs.forEach((run) => {
      const tr = document.createElement("tr");
      tr.dataset.runId = run.id;
      tr.dataset.status = run.status;
      cell(tr, String(run.id), "num");
      cell(tr, run.status, "status status-" + run.status);
      cell(tr, progress(run), "wide");
      cell(tr, outcomes(run));
      cell(tr, run.trigger);
      cell(tr, run.createdAt.replace("T", " ").slice(0, 19));
      body.appendChild(tr);
    });
  }

  async function load() {
    clearTimeout(timer);
    let active = false;
    try {
      const r = await fetch("/api/v1/training-runs?limit=20", { headers: { Accept: "application/json" } });
      if (!r.ok) throw new Error(String(r.status));
      const runs = await r.json();
      table(runs);
      active = runs.some((run) => run.status === "queued" || run.status === "running");
      document.getElementById("runs-error").textContent = "";
    } catch (e) {
      document.getElementById("runs-error").textContent = "The runs cannot be read right now; trying again.";
    }
    document.body.dataset.loaded = "true";
    timer = setTimeout(load, active ? 1000 : 5000);
  }

  // a rejected file's report, or an accepted file's rows left out, each with its line and column
  function report(quality, title, why) {
    document.getElementById("rejection-title").textContent = title;
    document.getElementById("rejection-why").textContent = why;
    document.getElementById("rejection-counts").textContent =
      (quality.source || "The file") + ": " + (quality.rowsRead || 0) + " rows read, " + (quality.malformedRows || 0) + " malformed.";
    const body = document.querySelector("#problems tbody");
    body.replaceChildren();
    (quality.problems || []).forEach((p) => {
      const tr = document.createElement("tr");
      cell(tr, String(p.line), "num");
      cell(tr, p.column || "(whole line)");
      cell(tr, p.value == null ? "" : p.value);
      cell(tr, p.message);
      body.appendChild(tr);
    });
    document.getElementById("rejection").hidden = false;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const file = document.getElementById("file").files[0];
    if (!file) {
      document.getElementById("file-error").textContent = "Choose a CSV file.";
      return;
    }
    const data = new FormData();
    data.append("file", file);
    data.append("mode", document.getElementById("mode").value);
    form.querySelectorAll("input[name=models]:checked").forEach((c) => data.append("models", c.value));
    const trials = document.getElementById("trials").value.trim();
    if (trials) data.append("trials", trials);
    const r = await AdminToken.fetch("/api/v1/training-runs", { method: "POST", headers: { Accept: "application/json" }, body: data });
    const answer = await r.json().catch(() => ({}));
    if (r.status === 202) {
      const kept = answer.dataset.report;
      document.getElementById("upload-done").textContent = "Run " + answer.id + " is queued on " +
        kept.rowsKept.toLocaleString("en-US") + " rows of " + file.name + ".";
      if (kept.malformedRows > 0) {
        report(kept, "Rows left out", kept.malformedRows + " malformed rows were left out; the rest were kept.");
      }
      form.reset();
      await load();
      return;
    }
    if (answer.code === "dataset-rejected") {
      report(answer.report || {}, "The file was rejected", answer.detail);
      return;
    }
    const field = fields.includes(answer.field) ? answer.field : "upload";
    const allowed = answer.allowedValues && answer.allowedValues.length ? " (" + answer.allowedValues.join(", ") + ")" : "";
    document.getElementById(field + "-error").textContent = (answer.detail || "The file could not be uploaded.") + allowed;
  });

  load();
})();
