// "Quotes and sales": the latest quotes (GET /api/v1/quotes) with their sales, and the latest
// sales (GET /api/v1/sales) with their history; a quote's sale is recorded here, a sale corrected
// or voided with a reason. Every call carries the key admin.js keeps for this browser session.
(function () {
  "use strict";
  const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  const WHY = "Quotes and sales need a sales key (or the admin token). It is kept for this browser session only.";
  const pageError = document.getElementById("page-error");
  let fieldIds = 0;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function time(iso) {
    return iso ? iso.slice(0, 19).replace("T", " ") + " UTC" : "";
  }

  function stone(s) {
    return s.carat + " ct " + s.cut + ", " + s.color + ", " + s.clarity;
  }

  async function call(url, options) {
    const r = await AdminToken.fetch(url, Object.assign({ headers: { Accept: "application/json" } }, options || {}), WHY);
    const body = await r.json();
    return { ok: r.ok, body: body };
  }

  // an inline form: price and date (a correction or a new sale), or a reason alone (a void)
  function changeForm(kind, onSave) {
    const form = document.getElementById("change-form").content.firstElementChild.cloneNode(true);
    form.querySelectorAll(".field").forEach((f) => {
      const input = f.querySelector("input");
      const error = f.querySelector(".error");
      if (!input) return;
      const id = "f" + ++fieldIds;
      input.id = id;
      f.querySelector("label").htmlFor = id;
      error.id = id + "-error";
      input.setAttribute("aria-describedby", error.id);
    });
    if (kind === "void") {
      form.querySelector(".price-field").remove();
      form.querySelector(".date-field").remove();
      form.querySelector("button").textContent = "Void the sale";
    }
    if (kind === "sale") {
      form.querySelector(".reason-field").remove();
      form.querySelector(".price-field label").textContent = "Sold for (USD)";
      form.querySelector("input[name=date]").value = new Date().toISOString().slice(0, 10);
      form.querySelector("button").textContent = "Record the sale";
    }
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      form.querySelectorAll(".error").forEach((e) => (e.textContent = ""));
      form.querySelectorAll("input").forEach((i) => i.removeAttribute("aria-invalid"));
      const value = (name) => { const i = form.querySelector("input[name=" + name + "]"); return i ? i.value.trim() : ""; };
      const problem = await onSave({ price: value("price"), date: value("date"), reason: value("reason") });
      if (!problem) return;
      const names = { actualPrice: "price", soldAt: "date", reason: "reason" };
      const input = form.querySelector("input[name=" + (names[problem.field] || "") + "]");
      if (input) {
        input.setAttribute("aria-invalid", "true");
        input.closest(".field").querySelector(".error").textContent = problem.detail;
        input.focus();
      } else {
        form.querySelector("button").insertAdjacentElement("afterend", el("p", problem.detail, "error"));
      }
    });
    return form;
  }

  function toggle(button, form) {
    const open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", String(!open));
    form.hidden = open;
    if (!open) form.querySelector("input").focus();
  }

  function quoteCard(q) {
    const li = el("li", null, "card");
    li.append(el("h3", dollars.format(q.price) + " · " + stone(q.stone)));
    li.append(el("p", "Quote " + q.predictionId + " · " + time(q.quotedAt) + " · " + q.modelType + " v" + q.modelVersion, "muted id"));
    if (q.lower80 != null) li.append(el("p", "80% range " + dollars.format(q.lower80) + " – " + dollars.format(q.upper80)));
    if (q.sale) {
      li.append(el("p", "Sold for " + dollars.format(q.sale.actualPrice) + " on " + q.sale.soldAt.slice(0, 10) + " (sale " + q.sale.id + ", " + q.sale.status + ")", "sold"));
      return li;
    }
    const button = el("button", "Record its sale");
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    const form = changeForm("sale", async (v) => {
      const price = Amount(v.price);
      if (price === null) return { field: "actualPrice", detail: "the price it sold for, in dollars, like 4950" };
      const r = await call("/api/v1/sales", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ predictionId: q.predictionId, actualPrice: price, soldAt: v.date }),
      });
      if (!r.ok) return r.body;
      await load();
      return null;
    });
    form.hidden = true;
    button.addEventListener("click", () => toggle(button, form));
    li.append(button, form);
    return li;
  }

  function saleCard(s) {
    const li = el("li", null, "card sale-" + s.status);
    li.dataset.saleId = s.id;
    li.append(el("h3", "Sale " + s.id + ": " + dollars.format(s.actualPrice) + " on " + s.soldAt.slice(0, 10) + " · " + s.status));
    const quoted = s.predictedPrice != null ? " · quoted " + dollars.format(s.predictedPrice) : "";
    li.append(el("p", stone(s.stone) + quoted, "muted"));
    const details = el("details");
    details.append(el("summary", "History (" + s.history.length + ")"));
    const ol = el("ol", null, "history");
    s.history.forEach((h) => {
      ol.append(el("li",
        time(h.changedAt) + ": " + h.kind + ", " + dollars.format(h.actualPrice) + " on " + h.soldAt.slice(0, 10) +
        (h.reason ? " (" + h.reason + ")" : "") + (h.keyId ? " by " + h.keyId : "")));
    });
    details.append(ol);
    li.append(details);
    if (s.status === "voided") return li;
    const edits = el("div", null, "row");
    const correct = el("button", "Correct");
    const voidIt = el("button", "Void");
    [correct, voidIt].forEach((b) => { b.type = "button"; b.setAttribute("aria-expanded", "false"); });
    const correctForm = changeForm("correct", async (v) => {
      const body = { reason: v.reason };
      if (v.price) {
        const price = Amount(v.price);
        if (price === null) return { field: "actualPrice", detail: "the right price, in dollars, like 4950" };
        body.actualPrice = price;
      }
      if (v.date) body.soldAt = v.date;
      const r = await call("/api/v1/sales/" + s.id + "/corrections", {
        method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body),
      });
      if (!r.ok) return r.body;
      await load();
      return null;
    });
    correctForm.querySelector("input[name=price]").value = String(s.actualPrice);
    correctForm.querySelector("input[name=date]").value = s.soldAt.slice(0, 10);
    const voidForm = changeForm("void", async (v) => {
      const r = await call("/api/v1/sales/" + s.id + "/void", {
        method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify({ reason: v.reason }),
      });
      if (!r.ok) return r.body;
      await load();
      return null;
    });
    correctForm.hidden = true;
    voidForm.hidden = true;
    correct.addEventListener("click", () => toggle(correct, correctForm));
    voidIt.addEventListener("click", () => toggle(voidIt, voidForm));
    edits.append(correct, voidIt);
    li.append(edits, correctForm, voidForm);
    return li;
  }

  async function load() {
    pageError.textContent = "";
    const quotes = await call("/api/v1/quotes?limit=20");
    const sales = await call("/api/v1/sales?limit=20");
    if (!quotes.ok || !sales.ok) {
      pageError.textContent = (quotes.ok ? sales.body : quotes.body).detail;
      return;
    }
    const q = document.getElementById("quotes");
    q.replaceChildren(...quotes.body.map(quoteCard));
    if (!quotes.body.length) q.append(el("li", "No quotes yet: price a stone on the Price page.", "muted"));
    const s = document.getElementById("sales");
    s.replaceChildren(...sales.body.map(saleCard));
    if (!sales.body.length) s.append(el("li", "No sales yet.", "muted"));
  }

  load();
})();
