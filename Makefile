# Strategi som kod. Every target sets up .venv from the pinned requirements when missing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
ADDR   ?= 127.0.0.1:8000
PD_VENV  := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed-$(shell cksum < requirements-properdocs.txt | cut -d' ' -f1)
KRAV_VENV  := .venv-krav
KRAV_STAMP := $(KRAV_VENV)/.installed-$(shell cksum < requirements-krav.txt | cut -d' ' -f1)
# Every environment is installed by strategi/bootstrap.py (as the first `python -m strategi` is): the
# lock as written (--require-hashes --no-deps: a file that differs from the one pinned, or a package
# without a hash, stops it, and nothing is resolved again), then `pip check`.
INSTALL = $(PYTHON) -m strategi.bootstrap
ZS_VENV  := .venv-zensical
ZS_STAMP := $(ZS_VENV)/.installed-$(shell cksum < requirements-zensical.txt | cut -d' ' -f1)

.PHONY: help setup systempaket validera serve build zensical test lint publicera pdf bench krav clean mutation

# `make help` lists every target of .PHONY (a test holds it to that list).
help:
	@echo "make serve        bygg och visa sajten på http://$(ADDR) (uppdateras när du sparar)"
	@echo "make test         kör alla tester (installerar det som behövs)"
	@echo "make validera     kontrollera datafilerna"
	@echo "make build        bygg sajten till site/ (strikt)"
	@echo "make pdf          skriv ut strategin som PDF"
	@echo "make publicera    publicera versionen lokalt med mike (gh-pages, ingen push)"
	@echo "make zensical     bygg sajten med Zensical till build/zensical/site/"
	@echo "make lint         ruff och mypy över koden"
	@echo "make setup        installera Python-miljön .venv/ från requirements.txt"
	@echo "make systempaket  installera systempaketen som testerna behöver"
	@echo "make krav         skriv om requirements*.txt från .in-filerna (hämtar från paketregistret)"
	@echo "make bench        mät bygget, kontrollen, förhandsvisningen och PDF:en (långsamt)"
	@echo "make mutation     mutationstesta modulerna som avgör vad som är giltigt och vad som visas (långsamt)"
	@echo "make clean        ta bort det som byggts (site/, build/, PDF, .cache/)"
	@echo "make help         den här listan"

$(STAMP): requirements.txt
	$(INSTALL) $(VENV) requirements.txt

$(PD_STAMP): requirements-properdocs.txt
	$(INSTALL) $(PD_VENV) requirements-properdocs.txt

$(ZS_STAMP): requirements-zensical.txt
	$(INSTALL) $(ZS_VENV) requirements-zensical.txt

# yaml-language-server for the editor-support test (npm registry only; no browser download).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm saknas: testet av yaml-language-server hoppas över (installera Node.js 20)"; fi

setup: $(STAMP)

validera: $(STAMP)
	$(PY) -m strategi validera

# strategi.site.serving says in Swedish where the site is, shows invalid data as an error page in the
# browser and the problems in the terminal; MkDocs' warnings are shown, its INFO lines are not.
# Not strict (mkdocs.yml is): a warning would leave the open tab stuck on the old page. `make build`
# and the pull request's build stop on it. (--quiet would hide the warnings altogether.)
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve --no-strict --dev-addr $(ADDR)

build: $(STAMP)
	$(PY) -m strategi bygg

# The same sources built by Zensical (strategi/site/zensical.py writes out what MkDocs' hooks add).
zensical: validera $(ZS_STAMP)
	$(ZS_VENV)/bin/python -m strategi.site.zensical build/zensical

lint: $(STAMP)
	$(PY) -m ruff check strategi tests bench macros.py hooks.py
	$(PY) -m ruff format --check strategi tests bench macros.py hooks.py
	$(PY) -m mypy

publicera: validera
	$(PY) -m strategi publicera

pdf: build
	$(PY) -m strategi pdf --sajt site --ut strategi.pdf

# System packages the tests need (Chromium, hunspell-sv, ...): installed as root, else the command to run.
systempaket:
	@bash scripts/systempaket.sh

test: systempaket $(STAMP) $(PD_STAMP) $(ZS_STAMP) node_modules/.installed
	$(PY) -m pytest -n 2 --dist loadgroup

# Benchmarks, side by side against their baselines (slow; not part of `make test`): bench/RESULTS.md.
bench: $(STAMP)
	$(PY) bench/validate.py
	$(PY) bench/build.py --sizes 6 60
	$(PY) bench/serve.py
	$(PY) bench/pdf.py

# Mutation testing, one module at a time (slow; not part of `make test`). MODULER="content/diff data/rules/__init__" for some.
mutation: $(STAMP)
	$(PY) scripts/mutation.py $(MODULER)

$(KRAV_STAMP): requirements-krav.txt
	$(INSTALL) $(KRAV_VENV) requirements-krav.txt

# Write every requirements*.txt from its .in (the one target that uses the package index): pins
# already in the .txt are kept, new ones resolved, and every file of each version gets its hash.
# requirements.txt first, so the other files can take its versions (-c requirements.txt).
# KRAVFLAGS="--upgrade-package NAME" to move one package on.
KRAV_IN := requirements.in $(filter-out requirements.in,$(sort $(wildcard requirements-*.in)))
krav: $(KRAV_STAMP)
	@for in_file in $(KRAV_IN); do \
	  echo "$$in_file -> $${in_file%.in}.txt"; \
	  CUSTOM_COMPILE_COMMAND="make krav" $(KRAV_VENV)/bin/pip-compile --quiet --generate-hashes \
	    --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
	    $(KRAVFLAGS) --output-file "$${in_file%.in}.txt" "$$in_file" || exit 1; \
	done

clean:
	rm -rf site build strategi.pdf .cache
