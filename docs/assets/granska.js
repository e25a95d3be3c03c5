/* Reviewers' chrome (issue 25): the "Källa: data/…yaml" lines and the edit pencils are for editors.
   A reader sees them only after turning them on with the switch at the end of a page; the choice is
   kept in localStorage, for every page of the site. Loaded in <head>, so a page never flickers. */
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
  }
  document.addEventListener("DOMContentLoaded", reveal);
  window.addEventListener("hashchange", reveal);
})();
