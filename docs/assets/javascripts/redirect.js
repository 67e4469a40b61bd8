/* The page left at a renamed page's old address (legaltext.registry.redirect_page): go to
   the new address, keeping the paragraph id of the old link. A file, not an inline script:
   the Content-Security-Policy allows only the site's own files. */
location.replace(document.querySelector("link[rel=canonical]").getAttribute("href") + location.hash);
