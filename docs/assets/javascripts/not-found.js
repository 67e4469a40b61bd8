/* The root 404 page holds both languages; show the one of the requested URL
   (partials/head-meta.html). A file, not an inline script: see the Content-Security-Policy. */
(function (script, root) {
  var french = (location.pathname + "/").indexOf(script.getAttribute("data-french-path")) === 0;
  root.lang = french ? "fr" : "en";
  root.classList.add(french ? "not-found-fr" : "not-found-en");
  if (french) document.title = script.getAttribute("data-french-title");
})(document.currentScript, document.documentElement);
