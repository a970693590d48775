// Tables marked "stack" become one card per row on a phone (site.css): each cell is labelled with
// its column's heading, whenever rows are added.
(function () {
  "use strict";
  function label(table) {
    const heads = Array.from(table.querySelectorAll("thead th")).map((h) => h.textContent.trim());
    table.querySelectorAll("tbody tr").forEach((tr) =>
      Array.from(tr.children).forEach((cell, i) => {
        if (!cell.dataset.label) cell.dataset.label = heads[i] || "";
      }));
  }
  function all() {
    document.querySelectorAll("table.stack").forEach(label);
  }
  new MutationObserver(all).observe(document.body, { childList: true, subtree: true });
  all();
})();
