# Strategi som kod. Every target sets up .venv from the pinned requirements when missing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
ADDR   ?= 127.0.0.1:8000

.PHONY: help setup validera serve build test lint publicera pdf bench krav clean

help:
	@echo "make serve      bygg och visa sajten på http://$(ADDR) (uppdateras när du sparar)"
	@echo "make test       kör alla tester"
	@echo "make validera   kontrollera datafilerna"
	@echo "make build      bygg sajten till site/ (strikt)"
	@echo "make publicera  publicera versionen lokalt med mike (gh-pages, ingen push)"
	@echo "make pdf        skriv ut hela strategin till strategi.pdf"

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

setup: $(STAMP)

validera: $(STAMP)
	$(PY) -m strategi validera

serve: validera
	$(PY) -m mkdocs serve --strict --dev-addr $(ADDR)

build: validera
	$(PY) -m mkdocs build --strict --clean --site-dir site

lint: $(STAMP)
	$(PY) -m ruff check strategi tests bench macros.py
	$(PY) -m ruff format --check strategi tests bench macros.py
	$(PY) -m mypy

test: $(STAMP)
	$(PY) -m pytest -n 2 --dist loadgroup

krav:
	$(PY) -m pip install --quiet -r requirements.in
	$(PY) -m pip freeze --exclude-editable > requirements.txt

clean:
	rm -rf site build strategi.pdf
