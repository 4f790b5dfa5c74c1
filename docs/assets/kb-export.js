/*
 * Downloads for the decision guides and the applicability check: JSON and CSV built in the
 * browser (nothing leaves it). CSV cells that a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or carriage return) are prefixed with an apostrophe.
 */
(function (root) {
  "use strict";

  function neutralise(value) {
    var text = value === undefined || value === null ? "" : String(value);
    return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
  }

  function csvCell(value) {
    var text = neutralise(value);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csv(header, rows) {
    return [header].concat(rows).map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  function download(name, mime, text) {
    var blob = new Blob([text], { type: mime + ";charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  var api = { neutralise: neutralise, csv: csv, download: download };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.kbExport = api;
})(typeof window !== "undefined" ? window : this);
