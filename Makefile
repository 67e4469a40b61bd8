# Every target sets up what it needs: a fresh machine needs only Python 3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.PHONY: help serve site test check anchors translations edition bench clean requirements

help:
	@echo "make serve         preview the site on http://$(HOST)/ (it redirects to the site_url path)"
	@echo "make site          strict build into site/, with the PDFs (the preview makes none)"
	@echo "make check         every content check CI runs (fast): ids and their texts, fidelity, structure, glossary, links"
	@echo "make test          the whole test suite, browser tests included"
	@echo "make anchors       record new ids, renamed pages and declared corrections in anchors.yml"
	@echo "make translations  show which French pages are up to date with their English source"
	@echo "                   (RECORD=docs/fr/page.md: mark that page as translating the current English)"
	@echo "make edition DATE=YYYY-MM-DD SUMMARY='…' SUMMARY_FR='…'"
	@echo "                   release the committed text as a new, frozen edition in editions/"
	@echo "make bench         measure build time, page weight and Lighthouse scores"
	@echo "make clean         remove the virtual environment, built files and the build cache"

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	@# Make the project's own packages (legaltext) importable, as an editable install would.
	$(BIN)/python -c "import os, site; open(os.path.join(site.getsitepackages()[0], 'project-root.pth'), 'w').write(os.getcwd())"
	touch $@

serve: $(STAMP)
	$(BIN)/python -m tools.preview --dirty --dev-addr $(HOST)

site: $(STAMP)
	$(BIN)/mkdocs build --strict --clean --site-dir site

check: $(STAMP)
	$(BIN)/python -m tools.check
	$(BIN)/python -m tools.edition check

test: $(STAMP)
	$(BIN)/python -m tools.browser
	$(BIN)/python -m pytest

anchors: $(STAMP)
	$(BIN)/python -m tools.anchors --record

translations: $(STAMP)
	$(BIN)/python -m tools.translations $(if $(RECORD),--record $(RECORD))

# The date defaults to today (UTC); the summaries are one line each, in English and French.
DATE ?= $(shell date -u +%F)
edition: $(STAMP)
	$(BIN)/python -m tools.edition make --date "$(DATE)" --summary "$(SUMMARY)" --summary-fr "$(SUMMARY_FR)"

bench: $(STAMP)
	$(BIN)/python -m tools.bench

requirements:
	$(PYTHON) -m venv .venv-pip-tools
	.venv-pip-tools/bin/pip install --quiet pip-tools
	.venv-pip-tools/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	rm -rf .venv-pip-tools

clean:
	rm -rf $(VENV) site .pytest_cache .cache
