/* On every page of a published version: "a newer version exists" when a newer ADOPTED version is
   published, and "Förslag till nästa version" when a newer draft is out. A draft is never called
   newer than an adopted version. Reads mike's versions.json from the same server; does nothing
   outside a mike deployment. */
(function () {
  "use strict";
  var DRAFT = " (förslag)";
  var meta = document.querySelector('meta[name="strategi-version"]');
  var file = document.querySelector('meta[name="strategi-versionsfil"]');
  var box = document.querySelector("[data-strategi-nyare]");
  if (!meta || !file || !box) { return; }
  var current = meta.getAttribute("content");
  function isDraft(v) {
    var title = v.title || "";
    return title.slice(-DRAFT.length) === DRAFT;
  }
  function newest(list) {
    return list.sort(function (a, b) { return a.version < b.version ? 1 : -1; })[0];
  }
  fetch(file.getAttribute("content"), { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (list) {
      var later = list.filter(function (v) { return v.version > current; });
      var adopted = later.filter(function (v) { return !isDraft(v); });
      var drafts = later.filter(isDraft);
      var root = file.getAttribute("content").replace(/versions\.json$/, "");
      function link(v) {
        var a = document.createElement("a");
        a.href = root + encodeURIComponent(v.version) + "/";
        a.textContent = (v.title || v.version).replace(DRAFT, "");
        return a;
      }
      if (adopted.length) {
        box.textContent = "Det här är en äldre version av strategin. Det finns en nyare antagen version: ";
        box.appendChild(link(newest(adopted)));
        box.appendChild(document.createTextNode("."));
      } else if (drafts.length) {
        box.textContent = "Förslag till nästa version: ";
        box.appendChild(link(newest(drafts)));
        box.appendChild(document.createTextNode(" (inte antaget)."));
      } else {
        return;
      }
      box.hidden = false;
    })
    .catch(function () { /* no versions file: nothing to say */ });
})();
