/* Point Material's search at docs/assets/javascripts/workers/sok.js, which wraps Material's own
 * worker so Swedish words are stemmed (see that file). Runs before Material's bundle reads its
 * configuration (overrides/main.html, block config). Not from disk: there the search index
 * has no stemmer (strategi/site/reading.py: fold_search_index). */
(function () {
  var element = document.getElementById("__config");
  // Opened from disk (the offline preview), Material runs its worker in an iframe: leave it be.
  if (!element || window.location.protocol === "file:") {
    return;
  }
  var config = JSON.parse(element.textContent);
  var name = String(config.search || "").split("/").pop();
  if (/^search\.[0-9a-f]+\.min\.js$/.test(name)) {
    config.search = config.search.replace(name, "sok.js?material=" + name);
    element.textContent = JSON.stringify(config);
  }
})();
