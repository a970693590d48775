// The quote on the "Price a diamond" page: its id, the stone, the price, the ranges, the model and
// the time, to copy or print; and the sale of the quoted stone, recorded with a sales key (asked
// for once by admin.js, kept for this browser session only).
(function () {
  "use strict";
  const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  const details = document.getElementById("quote-details");
  const saleForm = document.getElementById("sale-form");
  const saleStatus = document.getElementById("sale-status");
  let quote = null;

  function stoneText(d) {
    const parts = [d.carat + " ct", d.cut, d.color, d.clarity];
    if (d.depth != null) parts.push("depth " + d.depth + "%");
    if (d.table != null) parts.push("table " + d.table + "%");
    if (d.x != null && d.y != null && d.z != null) parts.push(d.x + " × " + d.y + " × " + d.z + " mm");
    return parts.join(", ");
  }

  function lines(q) {
    const a = q.answer;
    const out = [
      ["Quote", a.predictionId],
      ["Stone", stoneText(q.diamond)],
      ["Price", dollars.format(a.price)],
    ];
    a.intervals.forEach((i) =>
      out.push([Math.round(i.level * 100) + "% range", dollars.format(i.lower) + " – " + dollars.format(i.upper)]));
    out.push(["Model", a.model.type + " v" + a.model.version + " (id " + a.model.id + ")"]);
    out.push(["Time", q.at.toISOString().slice(0, 19) + "Z"]);
    return out;
  }

  document.addEventListener("priced", (event) => {
    quote = { answer: event.detail.answer, diamond: event.detail.diamond, at: new Date() };
    details.replaceChildren();
    lines(quote).forEach(([k, v]) => {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      details.append(dt, dd);
    });
    document.getElementById("copy-status").textContent = "";
    saleStatus.textContent = "";
    document.getElementById("sale-price").value = "";
    document.getElementById("sale-date").value = new Date().toISOString().slice(0, 10);
  });

  document.getElementById("copy-quote").addEventListener("click", async () => {
    if (!quote) return;
    const text = lines(quote).map(([k, v]) => k + ": " + v).join("\n");
    const status = document.getElementById("copy-status");
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Copied.";
    } catch (e) {
      // no clipboard (an insecure origin, a refused permission): select the text to copy by hand
      const range = document.createRange();
      range.selectNodeContents(details);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      status.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    }
  });

  document.getElementById("print-quote").addEventListener("click", () => window.print());

  function fieldError(id, message) {
    document.getElementById(id + "-error").textContent = message;
    const input = document.getElementById(id);
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }

  saleForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!quote) return;
    ["sale-price", "sale-date"].forEach((id) => {
      document.getElementById(id + "-error").textContent = "";
      document.getElementById(id).removeAttribute("aria-invalid");
    });
    saleStatus.textContent = "";
    const price = Amount(document.getElementById("sale-price").value);
    if (price === null) {
      fieldError("sale-price", "the price it sold for, in dollars, like 4950 or 4,950.00");
      return;
    }
    const day = document.getElementById("sale-date").value;
    if (!day) {
      fieldError("sale-date", "the day it sold");
      return;
    }
    const r = await AdminToken.fetch("/api/v1/sales", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ predictionId: quote.answer.predictionId, actualPrice: price, soldAt: day }),
    }, "Recording a sale needs a sales key (or the admin token). It is kept for this browser session only.");
    const answer = await r.json();
    if (!r.ok) {
      const field = (answer.field || "").replace(/^.*\./, "");
      if (field === "actualPrice") fieldError("sale-price", answer.detail);
      else if (field === "soldAt") fieldError("sale-date", answer.detail);
      else saleStatus.textContent = answer.detail || answer.title;
      return;
    }
    const outcome = answer.sales[0];
    saleStatus.textContent =
      (outcome.status === "duplicate" ? "Already recorded: sale " : "Recorded: sale ") + outcome.saleId +
      ", " + dollars.format(price) + " on " + day + ". Correct it on Quotes and sales.";
  });
})();
