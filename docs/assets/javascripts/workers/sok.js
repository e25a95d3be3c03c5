/* Search worker for Swedish (issue 11, issue 15): wraps Material's own search worker.
 *
 * Material puts a trailing wildcard after every word of a query ("följare" -> "följare*").
 * A wildcard term skips lunr's Swedish stemmer, so it looks for words that start with
 * "följare" among stems such as "följ" and misses them. Here every plain word is also asked
 * for as an exact term ("följare^1": Material leaves a boosted term without a wildcard), which
 * goes through the stemmer: "följer" finds "följare", and a half-typed word still finds its
 * completions through the wildcard. Words typed without å, ä, ö match a field of the search
 * index that holds each word without its diacritics (strategi/site/reading.py: fold_search_index).
 *
 * docs/assets/sok.js points Material at this file and names Material's worker in the query
 * string; it lives beside Material's worker so that worker finds its language files.
 */
var material = new URLSearchParams(self.location.search).get("material") || "";

function alsoStemmed(query) {
  if (/["+\-:~^*]/.test(query)) {
    return query;
  }
  return query
    .trim()
    .split(/\s+/)
    .filter(function (word) { return word.length > 0; })
    .map(function (word) { return word + " " + word + "^1"; })
    .join(" ");
}

var listen = self.addEventListener.bind(self);
self.addEventListener = function (type, listener, options) {
  if (type !== "message") {
    return listen(type, listener, options);
  }
  return listen(type, function (event) {
    var message = event.data;
    if (message && message.type === 2 && typeof message.data === "string") {
      return listener.call(self, { data: { type: 2, data: alsoStemmed(message.data) } });
    }
    return listener.call(self, event);
  }, options);
};

if (/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
  importScripts(material);
}
