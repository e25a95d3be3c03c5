/* The reading view in the browser (issue 25), loaded in <head> so a page never flickers:
   - reviewers' chrome: the "Källa: data/…yaml" lines and the edit pencils are for editors; a reader
     sees them only after turning them on with the switch at the end of a page (kept in localStorage,
     for every page of the site);
   - a link to a part folded away (an indicator's details, an earlier snapshot) opens it;
   - a table wider than its box says so above it ("dra i sidled"); its row labels stay in view (CSS). */
(function () {
  "use strict";
  var KEY = "strategi-granska";
  var root = document.documentElement;
  function stored() {
    try { return window.localStorage.getItem(KEY) === "ja"; } catch (e) { return false; }
  }
  function apply(on) {
    root.classList.toggle("granska", on);
    var button = document.querySelector("[data-granska]");
    if (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "Dölj källor och ändringslänkar" : "Visa källor och ändringslänkar (för redaktörer)";
    }
  }
  apply(stored());
  document.addEventListener("DOMContentLoaded", function () {
    apply(stored());
    var button = document.querySelector("[data-granska]");
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var on = !root.classList.contains("granska");
      try { window.localStorage.setItem(KEY, on ? "ja" : "nej"); } catch (e) { /* private mode: this page only */ }
      apply(on);
    });
  });
  /* A link to a part folded away (an indicator's details, an earlier snapshot) opens it. */
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    if (target && target.tagName === "DETAILS") { target.open = true; }
    /* A heading: open what is folded under it (not the questions to confirm), up to the next heading. */
    if (target && /^H[1-6]$/.test(target.tagName)) {
      for (var next = target.nextElementSibling; next && !/^H[1-6]$/.test(next.tagName); next = next.nextElementSibling) {
        if (next.tagName === "DETAILS" && !next.classList.contains("fragor")) { next.open = true; }
      }
    }
  }
  document.addEventListener("DOMContentLoaded", reveal);
  window.addEventListener("hashchange", reveal);

  function hints() {
    document.querySelectorAll(".md-typeset .tabell").forEach(function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      var hint = box.previousElementSibling;
      var has = hint && hint.classList.contains("tabell-rulla");
      if (wide && !has) {
        hint = document.createElement("p");
        hint.className = "tabell-rulla";
        hint.setAttribute("aria-hidden", "true");  // the table itself is reachable; this is for the eye
        hint.textContent = "Tabellen är bredare än skärmen: dra i sidled \u2192";
        box.parentNode.insertBefore(hint, box);
      } else if (!wide && has) {
        hint.remove();
      }
    });
  }
  document.addEventListener("DOMContentLoaded", hints);
  window.addEventListener("resize", hints);
})();
