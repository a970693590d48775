// The request log page (admin): the latest requests with time, status, latency, path and model,
// filtered by path prefix and status; opening one shows both bodies. The token is asked for once.
(function () {
  "use strict";
  const body = document.querySelector("#requests tbody");
  const older = document.getElementById("older");
  let next = null;

  function cell(row, content, cls) {
    const td = document.createElement("td");
    if (content instanceof Node) td.appendChild(content); else td.textContent = content;
    if (cls) td.className = cls;
    row.appendChild(td);
  }

  function pretty(text, type) {
    if (text == null || text === "") return "(empty)";
    if (type && type.includes("json")) {
      try {
        return JSON.stringify(JSON.parse(text), null, 2);
      } catch (e) {
        return text;
      }
    }
    return text;
  }

  function open(entry) {
    document.getElementById("detail-title").textContent = entry.method + " " + entry.path + " → " + entry.status;
    const facts = [
      ["Request id", entry.requestId], ["Received", entry.receivedAt], ["Query", entry.query || "–"],
      ["Client", entry.client || "–"], ["User agent", entry.userAgent || "–"],
      ["Latency", entry.durationMs.toFixed(2) + " ms"], ["Error code", entry.errorCode || "–"],
      ["Model", entry.model ? entry.model.type + " v" + entry.model.version + " (id " + entry.model.id + ")" : "–"],
    ];
    const dl = document.getElementById("detail-facts");
    dl.replaceChildren();
    facts.forEach(([k, v]) => {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = String(v);
      dl.append(dt, dd);
    });
    document.getElementById("request-body").textContent =
      pretty(entry.requestBody, entry.requestContentType) + (entry.requestBodyTruncated ? "\n… (truncated)" : "");
    document.getElementById("response-body").textContent =
      pretty(entry.responseBody, entry.responseContentType) + (entry.responseBodyTruncated ? "\n… (truncated)" : "");
    const detail = document.getElementById("detail");
    detail.hidden = false;
    detail.scrollIntoView({ block: "start" });
  }

  function rows(records) {
    records.forEach((entry) => {
      const tr = document.createElement("tr");
      cell(tr, entry.receivedAt.replace("T", " ").slice(0, 23));
      cell(tr, String(entry.status), entry.status >= 400 ? "num bad" : "num");
      cell(tr, entry.durationMs.toFixed(1) + " ms", "num");
      const b = document.createElement("button");
      b.type = "button";
      b.className = "link";
      b.textContent = entry.method + " " + entry.path;
      b.setAttribute("aria-label", "Open " + entry.method + " " + entry.path + " at " + entry.receivedAt);
      b.addEventListener("click", () => open(entry));
      cell(tr, b);
      cell(tr, entry.model ? entry.model.type + " v" + entry.model.version : "");
      cell(tr, entry.keyId || "");
      body.appendChild(tr);
    });
  }

  function query() {
    const q = new URLSearchParams({ limit: "50" });
    const path = document.getElementById("path").value.trim();
    const status = document.getElementById("status").value.trim();
    if (path) q.set("path", path);
    if (status) q.set("status", status);
    return "/api/v1/request-log?" + q.toString();
  }

  async function load(url, append) {
    document.querySelectorAll("#filter .error, #log-error").forEach((e) => (e.textContent = ""));
    const r = await AdminToken.fetch(url, { headers: { Accept: "application/json" } });
    const answer = await r.json().catch(() => ({}));
    if (!r.ok) {
      const slot = document.getElementById((answer.field || "log") + "-error") || document.getElementById("log-error");
      slot.textContent = answer.detail || "The request log cannot be read right now.";
      document.body.dataset.loaded = "true";
      return;
    }
    if (!append) body.replaceChildren();
    rows(answer.records);
    next = answer.next;
    older.hidden = !next;
    document.body.dataset.loaded = "true";
  }

  document.getElementById("filter").addEventListener("submit", (event) => {
    event.preventDefault();
    document.getElementById("detail").hidden = true;
    load(query(), false);
  });
  older.addEventListener("click", () => next && load(next, true));

  load(query(), false);
})();
