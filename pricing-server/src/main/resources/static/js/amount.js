// A sale price as staff type it: "4950", "$4,950.00" (thousands commas) or "4950,50" (a decimal
// comma); null for anything else, or for a price that is not above zero.
window.Amount = function (text) {
  "use strict";
  const t = text.trim().replace(/[$\s]/g, "");
  const v = /^\d+(,\d{1,2})$/.test(t) ? Number(t.replace(",", ".")) : Number(t.replace(/,(?=\d{3}\b)/g, ""));
  return t && Number.isFinite(v) && v > 0 ? v : null;
};
