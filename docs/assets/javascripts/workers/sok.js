/* Search worker for Swedish (issue 11, issue 15): wraps Material's own search worker.
 *
 * Material puts a trailing wildcard after every word of a query ("följare" -> "följare*").
 * A wildcard term skips lunr's Swedish stemmer, so it looks for words that start with
 * "följare" among stems such as "följ" and misses them. Here every plain word is also asked
 * for as an exact term ("följare^1": Material leaves a boosted term without a wildcard), which
 * goes through the stemmer: "följer" finds "följare", and a half-typed word still finds its
 * completions through the wildcard. A word typed without å, ä, ö that the index holds only with
 * them is searched as that word; the index also has fields of words without diacritics
 * (strategi/site/reading.py: fold_search_index) for the site opened from disk, where this worker
 * does not run.
 *
 * docs/assets/sok.js points Material at this file and names Material's worker in the query
 * string; it lives beside Material's worker so that worker finds its language files.
 */
var material = new URLSearchParams(self.location.search).get("material") || "";

/* Words typed without å, ä, ö (issue 25): "foljare" is searched as "följare", so it ranks exactly as
 * the word with its diacritics does (the index's fields without diacritics only find it; they rank
 * it by other weights). The words come from the index itself when the worker is set up. */
var WORD = /[^0-9A-Za-z\u00C0-\u024F]+/;
var withDiacritics = Object.create(null);  // "foljare" -> {"följare": 212}
var plainCount = Object.create(null);  // "foljare" -> 2 (a branch name in the guide)

function fold(word) {
  return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function learn(index) {
  (index.docs || []).forEach(function (doc) {
    String((doc.title || "") + " " + (doc.text || "")).replace(/<[^>]+>/g, " ").split(WORD).forEach(function (raw) {
      var word = raw.toLowerCase();
      if (!word) { return; }
      var bare = fold(word);
      if (bare === word) {
        plainCount[word] = (plainCount[word] || 0) + 1;
      } else {
        var seen = withDiacritics[bare] || (withDiacritics[bare] = Object.create(null));
        seen[word] = (seen[word] || 0) + 1;
      }
    });
  });
}

/* The word with diacritics that the index holds more often than the word as typed, if any. */
function restored(word) {
  var lower = word.toLowerCase();
  var best = lower;
  var count = plainCount[lower] || 0;
  var seen = withDiacritics[lower] || {};
  Object.keys(seen).forEach(function (candidate) {
    if (seen[candidate] > count) {
      best = candidate;
      count = seen[candidate];
    }
  });
  return best === lower ? word : best;
}

function alsoStemmed(query) {
  if (/["+\-:~^*]/.test(query)) {
    return query;
  }
  return query
    .trim()
    .split(/\s+/)
    .filter(function (word) { return word.length > 0; })
    .map(restored)
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
    if (message && message.type === 0 && message.data) {
      learn(message.data);
    }
    if (message && message.type === 2 && typeof message.data === "string") {
      return listener.call(self, { data: { type: 2, data: alsoStemmed(message.data) } });
    }
    return listener.call(self, event);
  }, options);
};

if (/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
  importScripts(material);
}
