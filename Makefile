# Two commands on a fresh Debian machine:
#   make demo   install everything, convert the bundled examples into out/
#   make test   install everything, run the test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
STAMP := $(VENV)/.installed

.PHONY: demo test install system-deps eval bench clean

install: $(STAMP)

system-deps:
	@need=""; \
	[ -x /usr/bin/chromium ] || need="$$need chromium"; \
	fc-list 2>/dev/null | grep -qi "Liberation Sans" || need="$$need fonts-liberation"; \
	fc-list 2>/dev/null | grep -qi "DejaVu" || need="$$need fonts-dejavu-core"; \
	fc-list 2>/dev/null | grep -qi "WenQuanYi" || need="$$need fonts-wqy-zenhei"; \
	if [ -n "$$need" ]; then \
	  echo "installing Debian packages:$$need"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$need >/dev/null; \
	fi

$(STAMP): pyproject.toml | system-deps
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[all,ray]"
	touch $(STAMP)

demo: install
	$(VENV)/bin/v2c convert assets/examples -o out
	@echo "Open out/*.html; out/*.side-by-side.png shows each mockup beside its render."

test: install
	$(PY) -m pytest -q

eval: install
	$(VENV)/bin/v2c eval ../shared/bench/dcgen

clean:
	rm -rf out .pytest_cache
