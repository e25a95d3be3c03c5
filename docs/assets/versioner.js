/* Shows "a newer version exists" on every page of an older published version.
   Reads mike's versions.json from the same server; does nothing outside a mike deployment. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="strategi-version"]');
  var file = document.querySelector('meta[name="strategi-versionsfil"]');
  var box = document.querySelector("[data-strategi-nyare]");
  if (!meta || !file || !box) { return; }
  var current = meta.getAttribute("content");
  fetch(file.getAttribute("content"), { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (list) {
      var newer = list.filter(function (v) { return v.version > current; });
      if (!newer.length) { return; }
      newer.sort(function (a, b) { return a.version < b.version ? 1 : -1; });
      var latest = newer[0];
      var root = file.getAttribute("content").replace(/versions\.json$/, "");
      var link = document.createElement("a");
      link.href = root + encodeURIComponent(latest.version) + "/";
      link.textContent = latest.title || latest.version;
      box.textContent = "Det här är en äldre version av strategin. Det finns en nyare version: ";
      box.appendChild(link);
      box.appendChild(document.createTextNode("."));
      box.hidden = false;
    })
    .catch(function () { /* no versions file: nothing to say */ });
})();
