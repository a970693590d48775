// The key, shared by the pages: the admin token or an API key (a sales key at the counter), asked
// for once (the #token-form), kept in sessionStorage (this browser session only, never
// localStorage or a cookie), sent as a bearer token, and asked for again when the server refuses
// it (401) or it lacks the role the page needs (403).
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
    why.textContent = message || "This needs the admin token or an API key. It is kept for this browser session only.";
    form.hidden = false;
    input.focus();
    return new Promise((resolve) => waiting.push(resolve));
  }

  // fetch() with the token; asks for it first when there is none, and again when it is refused
  async function send(url, options, why) {
    let token = sessionStorage.getItem(KEY) || (await ask(why));
    for (;;) {
      const headers = Object.assign({}, (options && options.headers) || {}, { Authorization: "Bearer " + token });
      const response = await fetch(url, Object.assign({}, options || {}, { headers: headers }));
      if (response.status !== 401 && response.status !== 403) return response;
      sessionStorage.removeItem(KEY);
      token = await ask(response.status === 401
        ? "That key was refused (wrong, or revoked); enter it again."
        : "That key does not have the role this needs; enter another (the admin token does everything).");
    }
  }

  return {
    fetch: send,
    known: () => sessionStorage.getItem(KEY) != null,
    forget: () => sessionStorage.removeItem(KEY),
  };
})();
