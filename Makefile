# fifteen_min_plugin — every target a developer or a new user needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

SYSTEM_PYTHON := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
PLUGIN := fifteen_min_plugin
DIST := dist
BUILD := build
DEMO_OUT ?= demo_output
QGIS_ENV := QT_QPA_PLATFORM=offscreen QGIS_NO_OVERRIDE_IMPORT=1 PYTHONPATH=$(CURDIR)
LOCALES := zh_CN
TS_FILES := $(foreach l,$(LOCALES),resources/i18n/$(PLUGIN)_$(l).ts)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help setup system-deps postgres-deps venv test unit qgis-tests lint demo demo-postgis bench package install run \
        translations transupdate screenshots sample clean

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

setup: system-deps postgres-deps $(VENV)/.installed  ## install QGIS 3.40 (Debian/Ubuntu), PostgreSQL + PostGIS and the dev venv; idempotent

system-deps:
	@if $(SYSTEM_PYTHON) -c 'import qgis.core, sys; from qgis.core import Qgis; sys.exit(Qgis.QGIS_VERSION_INT < 33400)' 2>/dev/null \
	    && command -v lrelease >/dev/null && command -v pylupdate5 >/dev/null && command -v xvfb-run >/dev/null \
	    && command -v qgis_process >/dev/null && fc-list :lang=zh | grep -q . \
	    && $(SYSTEM_PYTHON) -c 'import ensurepip' 2>/dev/null; then \
	  echo "QGIS $$($(SYSTEM_PYTHON) -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)') found"; \
	else \
	  command -v apt-get >/dev/null || { echo "Install QGIS >= 3.34 with Python bindings, then re-run make setup"; exit 1; }; \
	  if grep -q bookworm /etc/os-release && ! grep -rqs bookworm-backports /etc/apt/sources.list /etc/apt/sources.list.d/; then \
	    echo "deb http://deb.debian.org/debian bookworm-backports main" | $(SUDO) tee /etc/apt/sources.list.d/bookworm-backports.list; \
	  fi; \
	  $(SUDO) apt-get update -q; \
	  BP=$$(grep -q bookworm /etc/os-release && echo "-t bookworm-backports"); \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$BP python3-qgis qgis-providers qgis; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q qttools5-dev-tools pyqt5-dev-tools \
	    python3-venv python3-pip xvfb xauth fonts-noto-cjk poppler-utils; \
	fi

# the server programs and PostGIS for the throwaway clusters of make test, demo-postgis and bench (none is started);
# psycopg2 reads the tests' PostGIS oracle independently of QGIS
postgres-deps:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 \
	    && $(SYSTEM_PYTHON) -c 'import psycopg2' 2>/dev/null; then \
	  echo "PostgreSQL $$(ls /usr/lib/postgresql | sort -n | tail -1) with PostGIS found"; \
	else \
	  command -v apt-get >/dev/null || { echo "Install PostgreSQL and PostGIS 3, then re-run make setup"; exit 1; }; \
	  $(SUDO) apt-get update -q; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql python3-psycopg2; \
	  PGV=$$(ls /usr/lib/postgresql | sort -n | tail -1); \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-$$PGV-postgis-3; \
	fi

$(VENV)/.installed: requirements-dev.txt
	$(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

# PyQt6 from PyPI in a venv of its own: the Qt6 check resolves every Qt name and enum path the plugin uses in it
PYQT6_VENV := $(BUILD)/pyqt6-venv
PYQT6_VERSION := 6.11.0

$(PYQT6_VENV)/.installed:
	$(SYSTEM_PYTHON) -m venv --clear $(PYQT6_VENV)
	$(PYQT6_VENV)/bin/python -m pip install -q --disable-pip-version-check "PyQt6==$(PYQT6_VERSION)"
	touch $@

lint: venv $(PYQT6_VENV)/.installed  ## ruff, flake8-qgis and the Qt6 check (no exec_, scoped enums, names PyQt6 has)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/flake8 $(PLUGIN) tests scripts bench
	$(PY) scripts/check_qt6.py --pyqt6-python $(PYQT6_VENV)/bin/python

unit: venv $(PYQT6_VENV)/.installed
	$(VENV)/bin/pytest -p no:qgis -q tests/unit

qgis-tests: setup translations
	$(QGIS_ENV) $(VENV)/bin/pytest -q tests/qgis

test: setup lint unit qgis-tests  ## set everything up and run the whole suite

# --- translations: the .pro profile is generated from the tree, .qm are built, never committed
$(BUILD)/$(PLUGIN).pro: FORCE
	@$(SYSTEM_PYTHON) scripts/i18n_profile.py $@ $(TS_FILES)

FORCE:

transupdate: $(BUILD)/$(PLUGIN).pro  ## refresh the .ts files from the source tree (pylupdate5)
	pylupdate5 -noobsolete $(BUILD)/$(PLUGIN).pro

translations: $(TS_FILES:.ts=.qm)  ## build the .qm files (lrelease)

resources/i18n/%.qm: resources/i18n/%.ts
	lrelease -silent $< -qm $@

# --- the user-facing jobs
demo: setup translations  ## set up and run the main job on the bundled sample
	$(QGIS_ENV) $(PY) scripts/demo.py --out $(DEMO_OUT)

demo-postgis: setup translations  ## the demo with its workspace on a throwaway PostgreSQL + PostGIS cluster (removed after)
	$(QGIS_ENV) $(PY) scripts/demo_postgis.py --out $(DEMO_OUT)/postgis

# pandana, the accessibility anchor of bench_nearest, in a venv of its own: it needs a newer numpy than QGIS's
PANDANA_VENV := $(BUILD)/pandana-venv

$(PANDANA_VENV)/.installed: bench/pandana-requirements.txt
	$(SYSTEM_PYTHON) -m venv --clear $(PANDANA_VENV)
	$(PANDANA_VENV)/bin/python -m pip install -q --disable-pip-version-check -r bench/pandana-requirements.txt
	touch $@

bench: setup $(PANDANA_VENV)/.installed  ## benchmarks with ratios against QGIS native, networkx and pandana in the same run
	$(QGIS_ENV) PANDANA_PYTHON=$(CURDIR)/$(PANDANA_VENV)/bin/python $(PY) bench/run.py

sample: venv  ## rebuild resources/sample from the OSM extracts in data/osm
	$(QGIS_ENV) $(PY) scripts/make_sample.py
	$(QGIS_ENV) $(PY) scripts/make_sample_spreadsheet.py
	$(QGIS_ENV) $(PY) scripts/make_needs_sample.py

# qgis-plugin-ci builds the zip and plugins.xml; PLUGIN_REPO_URL is the folder they will be served from
# (http://server/qgis/ or file:///S:/qgis/); by default the dist folder itself
PLUGIN_REPO_URL ?=
package: venv translations  ## dist/: the plugin zip and plugins.xml, a repository for the Plugin Manager
	$(PY) scripts/package.py --out $(DIST)/$(PLUGIN).zip $(if $(PLUGIN_REPO_URL),--repo-url "$(PLUGIN_REPO_URL)")

QGIS_PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
install: package  ## install into the user's QGIS profile
	mkdir -p $(QGIS_PROFILE)/python/plugins
	rm -rf $(QGIS_PROFILE)/python/plugins/$(PLUGIN)
	$(SYSTEM_PYTHON) -m zipfile -e $(DIST)/$(PLUGIN).zip $(QGIS_PROFILE)/python/plugins
	@echo "Installed into $(QGIS_PROFILE)/python/plugins/$(PLUGIN); enable it in Plugins > Manage and Install Plugins"

run: setup package  ## start QGIS with a throwaway profile, the plugin enabled and the sample loaded
	$(PY) scripts/run_qgis.py

screenshots: setup package  ## README screenshots from the real QGIS desktop under Xvfb
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(BUILD) $(DIST) $(DEMO_OUT) resources/i18n/*.qm .pytest_cache
