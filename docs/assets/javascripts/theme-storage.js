/* Material for MkDocs' storage helpers (partials/javascripts/base.html of the theme, MIT
   licence), loaded as a file so that the Content-Security-Policy needs no inline script.
   The scope (the site's root) comes from the script element. */
(function (script) {
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
})(document.currentScript);
