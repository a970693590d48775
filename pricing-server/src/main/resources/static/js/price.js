// The "Price a diamond" page: posts the form to the prices API (explain=true), shows the price,
// its 80% and 90% ranges, the warnings, a waterfall of the contributions in words (Size as one,
// its parts on demand), and the similar diamonds. A refused value's message appears under its field.
(function () {
  "use strict";
  const form = document.getElementById("diamond");
  const fields = ["carat", "cut", "color", "clarity", "depth", "table", "x", "y", "z"];
  const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

  function clearErrors() {
    document.querySelectorAll(".error").forEach((e) => (e.textContent = ""));
    fields.forEach((f) => document.getElementById(f).removeAttribute("aria-invalid"));
  }

  function showProblem(problem) {
    const errors = problem.errors && problem.errors.length ? problem.errors : [problem];
    let shown = false;
    errors.forEach((e) => {
      const name = (e.field || "").replace(/^.*\./, "");
      const slot = document.getElementById(name + "-error");
      if (slot) {
        const allowed = e.allowedValues && e.allowedValues.length ? " (" + e.allowedValues.join(", ") + ")" : "";
        slot.textContent = (e.message || e.detail || "is not valid") + allowed;
        document.getElementById(name).setAttribute("aria-invalid", "true");
        shown = true;
      }
    });
    if (!shown) {
      document.getElementById("form-error").textContent = problem.detail || problem.title || "The price could not be given.";
    }
  }

  // A number as typed at a counter: "1.5", or "1,5" with a decimal comma; anything else is
  // refused under its field rather than guessed at (a browser's number field read "1,5" as 15).
  function number(text) {
    const v = /^\d*,\d+$/.test(text) ? text.replace(",", ".") : text;
    return /^(\d+\.?\d*|\.\d+)$/.test(v) ? Number(v) : null;
  }

  function diamond() {
    const d = {};
    let bad = false;
    fields.forEach((f) => {
      const v = document.getElementById(f).value.trim();
      if (v === "") return;
      if (["cut", "color", "clarity"].includes(f)) {
        d[f] = v;
        return;
      }
      const n = number(v);
      if (n === null) {
        document.getElementById(f + "-error").textContent = "not a number: write it like 1.5";
        document.getElementById(f).setAttribute("aria-invalid", "true");
        bad = true;
      } else {
        d[f] = n;
      }
    });
    return bad ? null : d;
  }

  function text(tag, content, cls) {
    const e = document.createElement(tag);
    e.textContent = content;
    if (cls) e.className = cls;
    return e;
  }

  // The waterfall in the shop's words: Size (carat and the measurements together) and each other
  // feature by name; "Show the parts" reveals what Size is made of, each part a step of its own.
  function waterfall(explanation, price) {
    const list = document.getElementById("waterfall");
    const terms = document.getElementById("terms");
    const toggle = document.getElementById("parts-toggle");
    list.replaceChildren();
    terms.replaceChildren();
    const groups = explanation.grouped;
    let level = explanation.baseline;
    const points = [0, level, price];
    groups.forEach((g) => {
      let inner = level;
      g.parts.forEach((p) => { inner += p.contribution; points.push(inner); });
      level += g.contribution;
      points.push(level);
    });
    const top = Math.max(...points) * 1.05;
    const pct = (v) => (Math.max(0, 100 * v / top)).toFixed(2) + "%";
    const signed = (c) => (c >= 0 ? "+" : "−") + dollars.format(Math.abs(c));
    // the name, and for a model on log(price) its factor (×1.23 = +23%) beside it
    function named(item) {
      const label = text("span", "", "label");
      label.appendChild(text("span", item.label, "name"));
      if (item.factor) label.append(" ", text("span", "×" + item.factor.toFixed(2), "factor"));
      return label;
    }
    function row(label, from, to, cls, amount, part) {
      const li = document.createElement("li");
      if (part) {
        li.className = "part";
        li.hidden = true;
      }
      li.appendChild(typeof label === "string" ? named({ label: label }) : label);
      const track = text("span", "", "track");
      const bar = text("span", "", cls);
      bar.style.left = pct(Math.min(from, to));
      bar.style.width = pct(Math.abs(to - from));
      track.appendChild(bar);
      li.appendChild(track);
      li.appendChild(text("span", amount, "amount"));
      list.appendChild(li);
    }
    function term(item, part) {
      const dt = text("dt", item.label);
      const dd = text("dd", item.description);
      if (part) {
        dt.className = dd.className = "part";
        dt.hidden = dd.hidden = true;
      }
      terms.append(dt, dd);
    }
    row("Typical price", 0, explanation.baseline, "bar-total", dollars.format(explanation.baseline));
    level = explanation.baseline;
    let withParts = false;
    groups.forEach((g) => {
      const c = g.contribution;
      row(named(g), level, level + c, c >= 0 ? "bar-up" : "bar-down", signed(c));
      term(g);
      if (g.parts.length > 1) {
        withParts = true;
        let inner = level;
        g.parts.forEach((p) => {
          const pc = p.contribution;
          row(named(p), inner, inner + pc, pc >= 0 ? "bar-up" : "bar-down", signed(pc), true);
          term(p, true);
          inner += pc;
        });
      }
      level += c;
    });
    row("This price", 0, price, "bar-total", dollars.format(price));
    toggle.hidden = !withParts;
    showParts(false);
  }

  function showParts(shown) {
    const toggle = document.getElementById("parts-toggle");
    toggle.setAttribute("aria-expanded", String(shown));
    toggle.textContent = shown ? "Hide the parts of size" : "Show the parts of size";
    document.querySelectorAll("#waterfall .part, #terms .part").forEach((e) => (e.hidden = !shown));
  }

  document.getElementById("parts-toggle").addEventListener("click", (event) => {
    showParts(event.currentTarget.getAttribute("aria-expanded") !== "true");
  });

  async function similar(d) {
    const n = document.getElementById("n").value;
    const q = new URLSearchParams({ carat: d.carat, cut: d.cut, color: d.color, clarity: d.clarity, n: n });
    const body = document.querySelector("#similar tbody");
    body.replaceChildren();
    const r = await fetch("/api/v1/diamonds/similar?" + q, { headers: { Accept: "application/json" } });
    if (!r.ok) return;
    const found = await r.json();
    found.diamonds.forEach((s) => {
      const tr = document.createElement("tr");
      [s.cut, s.color, s.clarity].forEach((v) => tr.appendChild(text("td", v)));
      tr.appendChild(text("td", s.carat.toFixed(2), "num"));
      tr.appendChild(text("td", s.caratDistance.toFixed(2), "num"));
      tr.appendChild(text("td", dollars.format(s.price), "num"));
      body.appendChild(tr);
    });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const d = diamond();
    if (d === null) {
      document.getElementById("result").hidden = true;
      form.querySelector("[aria-invalid=true]").focus();
      return;
    }
    let r;
    try {
      r = await fetch("/api/v1/predictions?explain=true", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(d),
      });
    } catch (e) {
      document.getElementById("form-error").textContent = "The service cannot be reached.";
      return;
    }
    const answer = await r.json();
    if (!r.ok) {
      document.getElementById("result").hidden = true;
      showProblem(answer);
      return;
    }
    document.getElementById("price").textContent = dollars.format(answer.price);
    document.getElementById("quote").textContent =
      "Quote " + answer.predictionId + " · " + new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";
    const uncalibrated = answer.intervals.some((i) => i.calibrated === false);
    document.getElementById("ranges").textContent =
      answer.intervals
        .map((i) => Math.round(i.level * 100) + "% range: " + dollars.format(i.lower) + " – " + dollars.format(i.upper))
        .join(" · ") + (uncalibrated ? " (not calibrated for this stone: see the warnings)" : "");
    const fourCs = answer.model.featureSet === "four-cs";
    document.getElementById("model").textContent =
      "Priced by model " + answer.model.id + " (" + answer.model.type + " v" + answer.model.version +
      (fourCs ? ", a model of the four Cs" : "") + ") from " + answer.features.join(", ");
    const warnings = document.getElementById("warnings");
    warnings.replaceChildren(...answer.warnings.map((w) => text("li", w.message)));
    if (answer.explanation) waterfall(answer.explanation, answer.price);
    document.getElementById("result").hidden = false;
    document.dispatchEvent(new CustomEvent("priced", { detail: { answer: answer, diamond: d } }));
    // the answer, not the button, has the focus, and is in view on a phone
    const heading = document.getElementById("result-heading");
    heading.focus();
    heading.scrollIntoView({ block: "start" });
    await similar(d);
  });
})();
