# Two commands on a fresh machine: `make serve` and `make test`. Everything else is optional.
# Set-up is idempotent and keyed on the lockfiles, so repeated runs cost nothing.
SHELL := /bin/bash
PY    := .venv/bin/python
VENV_STAMP := .venv/.installed
NODE_STAMP := node_modules/.installed
VALIDATE_STAMP := .venv-validate/.installed
ACTIONLINT := .venv/bin/actionlint
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build build-zensical build-pagefind generate golden check test test-fast bench offline lint lint-workflows format clean browser-deps

setup: $(VENV_STAMP) $(NODE_STAMP) $(VALIDATE_STAMP)

# --compile-bytecode: uv skips it by default, and with PYTHONDONTWRITEBYTECODE=1 (set above so the
# checkout stays free of __pycache__) every build would compile mkdocs, networkx and the rest again.
$(VENV_STAMP): requirements.lock pyproject.toml
	python3 -m venv .venv
	.venv/bin/pip install -q --disable-pip-version-check uv==0.13.8
	.venv/bin/uv pip sync -q --compile-bytecode --python .venv/bin/python requirements.lock
	.venv/bin/uv pip install -q --python .venv/bin/python --no-deps -e .
	touch $@

# The export validators (sssom, compliance-trestle) live in their own environment: they are large
# and only the tests use them.
$(VALIDATE_STAMP): requirements-validate.lock $(VENV_STAMP)
	.venv/bin/uv venv -q --allow-existing --python .venv/bin/python .venv-validate
	.venv/bin/uv pip sync -q --python .venv-validate/bin/python requirements-validate.lock
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

serve: setup
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(PY) -m mkdocs build --strict --clean

# The same content with Zensical (Material's successor) into site-zensical/: the build plan
# is written first (Zensical runs no plugins), then Zensical reads the same build/docs.
build-zensical: setup
	$(PY) -m macros.frontends.generate
	KB_SITE_DIR=site-zensical .venv/bin/zensical build --clean --strict

# Rewrite the golden files from the current renderers (the only way they change).
golden: $(VENV_STAMP)
	$(PY) scripts/golden.py

# The site with Pagefind's chunked search index (for sites served over HTTP; not file://).
build-pagefind: build
	$(PY) scripts/pagefind.py site

# Write the generated docs folder (build/docs) without building a site.
generate: $(VENV_STAMP)
	$(PY) -m macros.frontends.generate

# CHECK_FORMAT=github prints GitHub annotations (the pull-request workflow); json a document.
CHECK_FORMAT ?= text
check: $(VENV_STAMP)
	$(PY) scripts/check.py --format $(CHECK_FORMAT)

# Browser tests need Chromium: installed from Debian's packages when missing.
browser-deps:
	@bash scripts/ensure_chromium.sh

test: setup browser-deps
	$(PY) -m ruff check macros scripts tests
	$(ACTIONLINT) && echo "actionlint: .github/workflows ok"
	$(PY) scripts/check.py
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m "not browser and not slow"

bench: setup
	$(PY) scripts/bench.py

offline: setup
	$(PY) scripts/offline.py

lint: $(VENV_STAMP)
	$(PY) -m ruff check macros scripts tests

# The GitHub workflows (.github/workflows/); shell steps are checked too when shellcheck is installed.
lint-workflows: $(VENV_STAMP)
	$(ACTIONLINT) && echo "actionlint: .github/workflows ok"

format: $(VENV_STAMP)
	$(PY) -m ruff format macros scripts tests

clean:
	rm -rf site site-zensical .pytest_cache dist *.egg-info
	find build -mindepth 1 ! -name .gitkeep ! -path build/docs -delete 2>/dev/null || true
