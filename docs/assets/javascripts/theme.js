/* Material for MkDocs' storage helpers (partials/javascripts/base.html of the theme, MIT
   licence), then the colour scheme, applied before the page is shown: one file, loaded
   by overrides/partials/javascripts/palette.html right after Material's palette form in
   the header, so that the Content-Security-Policy needs no inline script. Nothing before
   the header reads the storage; Material's script, at the end of the page, uses these
   helpers and runs the toggle. */
(function (script) {
  "use strict";

  // The scope (the site's root, the same for both languages) comes from the script element.
  window.__md_scope = new URL(script.getAttribute("data-scope"), location);
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, character) {
      return (hash << 5) - hash + character.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try {
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (error) { /* storage full or refused: the setting is not kept */ }
  };

  // The reader's saved scheme, else the one the system prefers.
  var saved = __md_get("__palette");
  var color = saved && saved.color;
  if (!color || color.media === "(prefers-color-scheme)") {
    var input = document.querySelector(matchMedia("(prefers-color-scheme: dark)").matches
      ? "[data-md-color-media='(prefers-color-scheme: dark)']"
      : "[data-md-color-media='(prefers-color-scheme: light)']");
    if (!input) return;
    color = {
      scheme: input.getAttribute("data-md-color-scheme"),
      primary: input.getAttribute("data-md-color-primary"),
      accent: input.getAttribute("data-md-color-accent")
    };
  }
  Object.keys(color).forEach(function (key) {
    if (key !== "media") document.body.setAttribute("data-md-color-" + key, color[key]);
  });
})(document.currentScript);
