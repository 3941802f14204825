// Full-text search over window.bookSearchIndex (built with the site; a script, so it loads from file://).
(function () {
  var book = (window.book = window.book || {});
  var index = window.bookSearchIndex || [];
  var input = document.getElementById("book-search");
  var list = document.getElementById("book-search-results");
  var maxResults = 12;

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function score(entry, words) {
    var title = (entry.c + " " + entry.s).toLowerCase();
    var text = entry.t.toLowerCase();
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var inTitle = title.indexOf(words[i]) >= 0;
      var inText = text.indexOf(words[i]) >= 0;
      if (!inTitle && !inText) return 0;
      total += (inTitle ? 10 : 0) + (inText ? 1 : 0);
    }
    return total;
  }

  function excerpt(text, word) {
    var at = Math.max(0, text.toLowerCase().indexOf(word) - 40);
    return (at > 0 ? "…" : "") + text.slice(at, at + 140) + (at + 140 < text.length ? "…" : "");
  }

  function show(query) {
    var words = terms(query);
    list.textContent = "";
    if (words.length === 0) {
      list.hidden = true;
      return;
    }
    var hits = index
      .map(function (entry) { return { entry: entry, score: score(entry, words) }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score; })
      .slice(0, maxResults);
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "Nothing found for “" + query.trim() + "”.";
      list.appendChild(none);
    }
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.entry.u;
      link.textContent = hit.entry.s === hit.entry.c ? hit.entry.c : hit.entry.c + " › " + hit.entry.s;
      var context = document.createElement("p");
      context.textContent = excerpt(hit.entry.t, words[0]);
      item.appendChild(link);
      item.appendChild(context);
      list.appendChild(item);
    });
    list.hidden = false;
  }

  input.addEventListener("input", function () { show(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      input.value = "";
      show("");
      input.blur();
    } else if (event.key === "Enter") {
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input && !/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) {
      event.preventDefault();
      input.focus();
    }
  });

  book.searchReady = index.length > 0;
})();
