/* The colour scheme, applied before the page is shown (overrides/partials/javascripts/
   palette.html, in the header, right after Material's palette form): the reader's saved
   choice, else the one the system prefers. Material's script, loaded at the end of the
   page, then runs the toggle. */
(function () {
  "use strict";

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
})();
