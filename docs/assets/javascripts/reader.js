/* Reader features that need a script. Without JavaScript, nothing here is missed. */
(function () {
  "use strict";

  // Material's language integration, once the page has loaded, fetches "sitemap.xml"
  // next to each <link rel="alternate"> of the head, then takes over clicks on links into
  // those pages. It expects the alternates to be the roots of the language sites; ours are,
  // as hreflang requires, this very page in each language, and the page's data files.
  // Every one of those requests would fail (a 404 per alternate on every page), and the
  // take-over would drop the paragraph when switching language. So these requests are
  // never sent, and the take-over never gets a sitemap to act on. Other requests are
  // left alone. This script runs before the page's DOMContentLoaded, when Material
  // makes the requests.
  var sitemaps = new Set();
  document.querySelectorAll("link[rel=alternate]").forEach(function (link) {
    sitemaps.add(new URL("sitemap.xml", link.href).href);
  });
  var skipped = new WeakSet();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (sitemaps.has(new URL(String(url), location.href).href)) skipped.add(this);
    else skipped.delete(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!skipped.has(this)) return send.apply(this, arguments);
  };
})();
