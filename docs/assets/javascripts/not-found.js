/* The root 404 page (overrides/404.html), which GitHub Pages serves for every missing
   URL, whatever its language. For a URL under the French site, open the French 404 page,
   French throughout (header, search, menu, footer); otherwise show the English part only.
   Without JavaScript, both languages show. Loaded in the head, before the page is shown. */
(function (root) {
  "use strict";

  // This file is <site>/assets/javascripts/not-found.js.
  var site = new URL("../../", document.currentScript.src).pathname;
  var french = (location.pathname + "/").indexOf(site + "fr/") === 0;
  if (french) {
    location.replace(site + "fr/404.html");
    return;
  }
  root.classList.add("not-found-en");
})(document.documentElement);
