/* Copy a paragraph's link and citation; keep the paragraph when switching language.
   Without JavaScript, the link symbol is a plain link to the paragraph. */
(function () {
  "use strict";

  var context = document.querySelector(".citation-context");
  var status = document.querySelector(".copy-status");

  function announce(message) {
    if (!status) return;
    status.textContent = message;
    window.setTimeout(function () { status.textContent = ""; }, 2500);
  }

  // “Title, art. 6(2) (edition of 30 November 2026)”: the edition of the text copied.
  function citationFor(element) {
    var title = context ? context.dataset.citeTitle : document.title;
    var edition = context && context.dataset.edition;
    return title + ", " + element.dataset.cite + (edition ? " (" + edition + ")" : "");
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.paragraph-link");
    if (!link || !context || !navigator.clipboard) return;
    event.preventDefault();
    var target = link.closest("[data-cite]");
    var url = location.origin + location.pathname + link.getAttribute("href");
    // Replace, not push: copying a link should not add a step to the back button.
    location.replace(link.getAttribute("href"));
    navigator.clipboard.writeText(citationFor(target) + ", " + url).then(
      function () { announce(context.dataset.copied); },
      function () { announce(context.dataset.copyFailed); }
    );
  });

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
})();
