/* The site's own script, loaded once, before Material's (overrides/main.html, block scripts).
   Without JavaScript, nothing here is missed: the link symbol is a plain link to its paragraph,
   and search is Material's, which needs JavaScript anyway. */
(function () {
  "use strict";

  /* --- Copy a paragraph's link and citation ------------------------------------------- */

  var context = document.querySelector(".citation-context");
  var status = document.querySelector(".copy-status");

  function announce(message) {
    if (!status) return;
    status.textContent = message;
    window.setTimeout(function () { status.textContent = ""; }, 2500);
  }

  // “Title, art. 6(2) (edition of 30 November 2026)”: the edition of the text copied.
  function citationFor(element) {
    // A cell of the parallel view cites its paragraph in the cell's own language.
    var cell = element.closest("[data-cite-title]");
    var title = cell ? cell.dataset.citeTitle : context ? context.dataset.citeTitle : document.title;
    var edition = cell ? cell.dataset.edition : context && context.dataset.edition;
    return title + ", " + element.dataset.cite + (edition ? " (" + edition + ")" : "");
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.paragraph-link");
    if (!link || !context || !navigator.clipboard) return;
    event.preventDefault();
    var target = link.closest("[data-cite]");
    // A parallel-view cell links to its paragraph on its own page: copy that, stay here.
    var here = link.pathname === location.pathname;
    var url = here ? location.origin + location.pathname + link.hash : link.href;
    // Replace, not push: copying a link should not add a step to the back button.
    if (here) location.replace(link.hash);
    navigator.clipboard.writeText(citationFor(target) + ", " + url).then(
      function () { announce(context.dataset.copied); },
      function () { announce(context.dataset.copyFailed); }
    );
  });

  /* --- Editorial marks: their explanation on tap and keyboard focus ----------------------- */

  // "[sic]" and "[N.d.l.r.]" carry their explanation in a title, which only a mouse shows.
  // Made focusable, with the explanation in data-explanation, the style sheet shows it on
  // hover, focus and tap, and prints it; a screen reader reads it as the mark's description.
  document.querySelectorAll(".md-typeset :is(.sic, .editorial)[title]").forEach(function (mark) {
    mark.dataset.explanation = mark.title;
    mark.setAttribute("aria-description", mark.title);
    mark.removeAttribute("title");
    mark.tabIndex = 0;
  });

  /* --- The palette toggle from the keyboard ----------------------------------------------- */

  // Material presses a focused header button (a label) on Enter; Space presses it too.
  document.addEventListener("keydown", function (event) {
    var button = event.target;
    if (event.key === " " && button.matches && button.matches("label.md-header__button[tabindex]")) {
      event.preventDefault();
      button.click();
    }
  });

  /* --- Keep the paragraph when switching language --------------------------------------- */

  // The language menu links to the same page in the other language; add the
  // fragment, so that the reader lands on the same paragraph.
  function keepFragmentInLanguageLinks() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var href = link.getAttribute("href").split("#")[0];
      link.setAttribute("href", href + location.hash);
    });
  }
  keepFragmentInLanguageLinks();
  window.addEventListener("hashchange", keepFragmentInLanguageLinks);

  /* --- Requests Material makes that this site does not want ----------------------------- */

  // Material's language integration, once the page has loaded, fetches "sitemap.xml"
  // next to each <link rel="alternate"> of the head, then takes over clicks on links into
  // those pages. It expects the alternates to be the roots of the language sites; ours are,
  // as hreflang requires, this very page in each language, and the page's data files.
  // Every one of those requests would fail (a 404 per alternate on every page), and the
  // take-over would drop the paragraph when switching language. So these requests are
  // never sent, and the take-over never gets a sitemap to act on.
  //
  // Material also fetches the search index and starts its search worker on every page
  // load. Both wait here until the reader opens search: a focus on the search box, a click
  // on the search button, or Material's keys "/", "s" and "f", which focus the box.
  var config = JSON.parse(document.getElementById("__config").textContent);
  var base = new URL(config.base, location.href);
  var searchIndex = new URL("search/search_index.json", base).href;
  var sitemaps = new Set();
  document.querySelectorAll("link[rel=alternate]").forEach(function (link) {
    sitemaps.add(new URL("sitemap.xml", link.href).href);
  });
  var searchOpened = false;
  var whenSearchOpens = [];

  function openSearch() {
    if (searchOpened) return;
    searchOpened = true;
    whenSearchOpens.splice(0).forEach(function (start) { start(); });
  }

  var skipped = new WeakSet();
  var deferred = new WeakSet();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var resolved = new URL(String(url), location.href).href;
    skipped.delete(this);
    deferred.delete(this);
    if (sitemaps.has(resolved)) skipped.add(this);
    else if (resolved === searchIndex) deferred.add(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, body = arguments;
    if (skipped.has(request)) return;
    if (deferred.has(request) && !searchOpened) {
      whenSearchOpens.push(function () { send.apply(request, body); });
      return;
    }
    return send.apply(request, body);
  };

  /* --- Search: started on demand, ranked by paragraph ------------------------------------ */

  // Material's messages to and from its search worker.
  var SETUP = 0, QUERY = 2, RESULT = 3;
  // Above any score lunr gives: a result's tier comes first.
  var TIER = 1e6;

  function fold(text) {
    return text.replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(html, separator) {
    return fold(html.replace(/<[^>]*>/g, " ")).split(separator).filter(Boolean);
  }

  // 2: the text holds the query's words in a row, each as the start of a word (a phrase);
  // 1: it holds every word of the query; 0: some of them.
  function tier(item, query, separator) {
    var wanted = words(query, separator), text = words(item.text, separator);
    for (var i = 0; wanted.length > 1 && i + wanted.length <= text.length; i++) {
      if (wanted.every(function (word, j) { return text[i + j].indexOf(word) === 0; })) return 2;
    }
    return Object.keys(item.terms).every(function (term) { return item.terms[term]; }) ? 1 : 0;
  }

  // Material lists the results page by page, each page's best results first and the rest
  // folded under "more". Here a result that holds the whole query, or its words in a row,
  // comes before one that holds some of its words; every result of a page's best tier is
  // shown, not only the one with the highest score; pages follow their best result.
  function rank(groups, query, separator) {
    return groups.map(function (group) {
      var ranked = group.map(function (item) {
        return Object.assign({}, item, {
          score: item.score ? item.score + TIER * tier(item, query, separator) : 0
        });
      }).sort(function (a, b) { return b.score - a.score; });
      var best = Math.floor(ranked[0].score / TIER);
      if (best > 0) {
        ranked.forEach(function (item) {
          if (Math.floor(item.score / TIER) === best) item.score = ranked[0].score;
        });
      }
      return ranked;
    }).sort(function (a, b) { return b[0].score - a[0].score; });
  }

  // Stands for Material's search worker: keeps its messages until search opens, then
  // starts the worker and hands on its answers, ranked.
  var NativeWorker = window.Worker;

  function SearchWorker(url, options) {
    var target = new EventTarget();
    var outbox = [];
    var queries = [];
    var separator = /\s+/;
    var worker = null;

    function receive(event) {
      var message = event.data;
      if (message && message.type === RESULT && message.data && message.data.items) {
        message = Object.assign({}, message, {
          data: Object.assign({}, message.data, {
            items: rank(message.data.items, queries.shift() || "", separator)
          })
        });
      }
      target.dispatchEvent(new MessageEvent("message", { data: message }));
    }

    function start() {
      worker = new NativeWorker(url, options);
      worker.addEventListener("message", receive);
      worker.addEventListener("error", function (event) {
        target.dispatchEvent(new ErrorEvent("error", { message: event.message }));
      });
      outbox.splice(0).forEach(function (message) { worker.postMessage(message); });
    }

    target.postMessage = function (message) {
      if (message && message.type === SETUP) separator = new RegExp(message.data.config.separator);
      if (message && message.type === QUERY) queries.push(message.data);
      if (worker) worker.postMessage(message);
      else outbox.push(message);
    };
    target.terminate = function () { if (worker) worker.terminate(); };
    if (searchOpened) start();
    else whenSearchOpens.push(start);
    return target;
  }

  window.Worker = function (url, options) {
    if (String(url) === config.search) return SearchWorker(url, options);
    return new NativeWorker(url, options);
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) openSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) openSearch();
  });
  // A reader who comes from a search result: Material highlights the words found.
  if (new URL(location.href).searchParams.get("h")) openSearch();
})();
