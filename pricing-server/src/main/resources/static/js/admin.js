// The admin token, shared by the pages: asked for once (the #token-form), kept in sessionStorage
// (this browser session only, never localStorage or a cookie), sent as a bearer token, and asked
// for again when the server refuses it.
window.AdminToken = (function () {
  "use strict";
  const KEY = "diamonds.adminToken";
  const form = document.getElementById("token-form");
  const input = document.getElementById("token");
  const why = document.getElementById("token-why");
  let waiting = [];

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    sessionStorage.setItem(KEY, token);
    input.value = "";
    form.hidden = true;
    const resolve = waiting;
    waiting = [];
    resolve.forEach((r) => r(token));
  });

  function ask(message) {
    why.textContent = message || "This needs the admin token. It is kept for this browser session only.";
    form.hidden = false;
    input.focus();
    return new Promise((resolve) => waiting.push(resolve));
  }

  // fetch() with the token; asks for it first when there is none, and again when it is refused
  async function send(url, options) {
    let token = sessionStorage.getItem(KEY) || (await ask());
    for (;;) {
      const headers = Object.assign({}, (options && options.headers) || {}, { Authorization: "Bearer " + token });
      const response = await fetch(url, Object.assign({}, options || {}, { headers: headers }));
      if (response.status !== 401) return response;
      sessionStorage.removeItem(KEY);
      token = await ask("The admin token was refused; enter it again.");
    }
  }

  return {
    fetch: send,
    known: () => sessionStorage.getItem(KEY) != null,
    forget: () => sessionStorage.removeItem(KEY),
  };
})();
