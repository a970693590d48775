// The training runs page: the latest runs with a live progress bar for a running one (trial k of
// N, best validation MAE), a CSV upload that starts a run (admin token; the file's rows are added
// to the current data unless "replace" is chosen, and replacing asks first, in the page, naming
// how many rows it replaces by how many), and a file's report with every row left out: its line
// and why.
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

  // each model the run trained, and why it was or was not promoted: a tap opens the reason (a
  // phone has no hover)
  function outcomes(run) {
    if (!run.outcomes.length) {
      const span = document.createElement("span");
      span.textContent = run.modelTypes.join(", ");
      return span;
    }
    const list = document.createElement("ul");
    list.className = "outcomes";
    run.outcomes.forEach((o) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "/models/" + o.modelId;
      a.textContent = o.type + " v" + o.version + (o.featureSet === "four-cs" ? " (four Cs)" : "");
      li.append(a);
      if (o.reason) {
        const why = document.createElement("details");
        const summary = document.createElement("summary");
        summary.textContent = o.promoted ? "★ promoted: why" : o.existing ? "registered before" : "not promoted: why";
        const reason = document.createElement("p");
        reason.textContent = o.reason;
        why.append(summary, reason);
        li.append(why);
      } else {
        li.append(o.promoted ? " ★ promoted" : o.existing ? " (registered before)" : "");
      }
      list.append(li);
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

  const count = (n) => Number(n || 0).toLocaleString("en-US");
  const rows = (n) => count(n) + (n === 1 ? " row" : " rows");
  // the most rows left out the page lists; the rest are counted
  const LISTED = 20;

  // a rejected file's report, or an accepted file's rows left out: every malformed row and every
  // row the cleaning dropped, in file order, each with its line and why
  function report(quality, title, why) {
    document.getElementById("rejection-title").textContent = title;
    document.getElementById("rejection-why").textContent = why;
    const malformed = quality.malformedRows || 0;
    const dropped = quality.rowsDropped || 0;
    document.getElementById("rejection-counts").textContent =
      (quality.source || "The file") + ": " + rows(quality.rowsRead) + " read, " + rows(malformed + dropped) +
      " left out (" + count(malformed) + " malformed, " + count(dropped) + " dropped by the cleaning).";
    const left = (quality.problems || [])
      .map((p) => ({ line: p.line, column: p.column || "(whole line)", value: p.value, why: p.message }))
      .concat((quality.droppedRows || []).map((d) => ({ line: d.line, column: d.column, value: d.value, why: d.message })))
      .sort((a, b) => a.line - b.line);
    const body = document.querySelector("#problems tbody");
    body.replaceChildren();
    left.slice(0, LISTED).forEach((p) => {
      const tr = document.createElement("tr");
      cell(tr, String(p.line), "num");
      cell(tr, p.column);
      cell(tr, p.value == null ? "" : p.value);
      cell(tr, p.why);
      body.appendChild(tr);
    });
    const more = malformed + dropped - Math.min(left.length, LISTED);
    document.getElementById("rejection-more").textContent =
      more > 0 ? "and " + rows(more) + " more (" + rows(malformed + dropped) + " left out in all)" : "";
    document.getElementById("rejection").hidden = false;
  }

  // replacing asks first, here in the page: the step names the rows replaced and the file's rows
  const confirmBox = document.getElementById("replace-confirm");
  // the current data's rows as the API says now (null when it cannot be read: the step still asks)
  async function currentRows() {
    try {
      const r = await fetch("/api/v1/datasets/current", { headers: { Accept: "application/json" } });
      if (r.ok) return (await r.json()).rows;
    } catch (e) {
      // asked without the number below
    }
    return null;
  }

  async function fileRows(file) {
    if (file.size > 50 * 1024 * 1024) return null; // too big to count in the page; the report will
    const lines = (await file.text()).split(/\r?\n/).filter((l) => l.trim() !== "").length;
    return Math.max(lines - 1, 0);
  }

  async function askToReplace(file, current) {
    const n = await fileRows(file);
    const theirs = n === null ? "the rows of " + file.name : "the " + rows(n) + " of " + file.name;
    const ours = current === null ? "the current data" : "the current data's " + rows(current);
    document.getElementById("replace-confirm-text").textContent =
      "Replace " + ours + " with " + theirs +
      "? The current rows are no longer trained on; to add the file's rows to them instead, choose \u201care added to the current data\u201d.";
    document.getElementById("replace-confirm-button").textContent =
      "Replace " + (current === null ? "the current data" : rows(current)) + " with this file" +
      (n === null ? "" : " (" + rows(n) + ")");
    confirmBox.hidden = false;
    document.getElementById("replace-confirm-text").focus();
  }

  function unask() {
    confirmBox.hidden = true;
  }

  document.getElementById("mode").addEventListener("change", unask);
  document.getElementById("file").addEventListener("change", unask);
  document.getElementById("replace-cancel").addEventListener("click", () => {
    unask();
    document.getElementById("mode").value = "append";
    document.getElementById("mode").focus();
  });
  document.getElementById("replace-confirm-button").addEventListener("click", () => {
    unask();
    upload();
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    unask();
    const file = document.getElementById("file").files[0];
    if (!file) {
      document.getElementById("file-error").textContent = "Choose a CSV file.";
      return;
    }
    if (document.getElementById("mode").value === "replace") {
      const current = await currentRows();
      if (current !== 0) {
        await askToReplace(file, current);
        return;
      }
    }
    await upload();
  });

  async function upload() {
    clearErrors();
    const file = document.getElementById("file").files[0];
    const data = new FormData();
    data.append("file", file);
    data.append("mode", document.getElementById("mode").value);
    form.querySelectorAll("input[name=models]:checked").forEach((c) => data.append("models", c.value));
    const trials = document.getElementById("trials").value.trim();
    if (trials) data.append("trials", trials);
    const r = await AdminToken.fetch("/api/v1/training-runs", { method: "POST", headers: { Accept: "application/json" }, body: data });
    const answer = await r.json().catch(() => ({}));
    if (r.status === 202) {
      const stored = answer.dataset;
      const kept = stored.report;
      const before = stored.previousRows > 0 ? " the " + rows(stored.previousRows) + " before" : "";
      const how = before === "" ? "" : stored.mode === "replace" ? ", replacing" + before : ", added to" + before;
      document.getElementById("upload-done").textContent = "Run " + answer.id + " is queued on " +
        rows(kept.rowsKept) + " of " + file.name + how + ": the current data has " + rows(stored.rows) + ".";
      const left = (kept.malformedRows || 0) + (kept.rowsDropped || 0);
      if (left > 0) {
        report(kept, "Rows left out", rows(left) + " of the file " + (left === 1 ? "was" : "were") + " left out; the rest were kept.");
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
  }

  load();
})();
