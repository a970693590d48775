// "API keys": create a key (its secret shown once), list the keys, revoke one. Admin only: the
// calls carry the key admin.js keeps for this browser session.
(function () {
  "use strict";
  const WHY = "Keys need the admin token (or an admin key). It is kept for this browser session only.";

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function time(iso) {
    return iso ? iso.slice(0, 19).replace("T", " ") + " UTC" : "";
  }

  async function call(url, options) {
    const r = await AdminToken.fetch(url, Object.assign({ headers: { Accept: "application/json" } }, options || {}), WHY);
    return { ok: r.ok, body: await r.json() };
  }

  function card(k) {
    const li = el("li", null, "card");
    li.dataset.keyId = k.id;
    li.append(el("h3", k.name + " · " + k.role));
    li.append(el("p", k.id + " · created " + time(k.createdAt) + " by " + k.createdBy, "muted"));
    if (k.revokedAt) {
      li.append(el("p", "Revoked " + time(k.revokedAt) + " by " + k.revokedBy, "error"));
      return li;
    }
    const revoke = el("button", "Revoke", "danger");
    revoke.type = "button";
    const confirm = el("button", "Revoke " + k.name + " now: it stops working at once", "danger");
    confirm.type = "button";
    confirm.hidden = true;
    revoke.addEventListener("click", () => {
      confirm.hidden = false;
      confirm.focus();
    });
    confirm.addEventListener("click", async () => {
      const r = await call("/api/v1/keys/" + encodeURIComponent(k.id), { method: "DELETE" });
      if (!r.ok) {
        document.getElementById("keys-error").textContent = r.body.detail;
        return;
      }
      await load();
    });
    const row = el("div", null, "row");
    row.append(revoke, confirm);
    li.append(row);
    return li;
  }

  async function load() {
    const r = await call("/api/v1/keys");
    if (!r.ok) {
      document.getElementById("keys-error").textContent = r.body.detail;
      return;
    }
    const list = document.getElementById("keys");
    list.replaceChildren(...r.body.map(card));
    if (!r.body.length) list.append(el("li", "No keys yet.", "muted"));
  }

  document.getElementById("create").addEventListener("submit", async (event) => {
    event.preventDefault();
    ["key-name", "key-role"].forEach((id) => {
      document.getElementById(id + "-error").textContent = "";
      document.getElementById(id).removeAttribute("aria-invalid");
    });
    const name = document.getElementById("key-name").value;
    const role = document.getElementById("key-role").value;
    const r = await call("/api/v1/keys", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ name: name, role: role }),
    });
    if (!r.ok) {
      const field = r.body.field === "role" ? "key-role" : "key-name";
      document.getElementById(field + "-error").textContent = r.body.detail;
      document.getElementById(field).setAttribute("aria-invalid", "true");
      document.getElementById(field).focus();
      return;
    }
    document.getElementById("secret").textContent = r.body.secret;
    document.getElementById("copy-status").textContent = "";
    document.getElementById("created").hidden = false;
    document.getElementById("created-heading").focus();
    document.getElementById("key-name").value = "";
    await load();
  });

  document.getElementById("copy-secret").addEventListener("click", async () => {
    const status = document.getElementById("copy-status");
    try {
      await navigator.clipboard.writeText(document.getElementById("secret").textContent);
      status.textContent = "Copied.";
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById("secret"));
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      status.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    }
  });

  load();
})();
