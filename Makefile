# liveavatar: spec-first toolkit for the LiveAvatar API. `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/.venv
PYTHON3 ?= python3
UV_VERSION := 0.13.9
UV := $(CURDIR)/.tools/bin/uv
VENV := $(CURDIR)/.venv
BIN := $(VENV)/bin
export PATH := $(BIN):$(CURDIR)/.tools/bin:$(PATH)

PY_SOURCES := overrides server contract tools tests bench

.PHONY: help
help: ## List the targets (colour only on a terminal)
	@if [ -t 1 ]; then on=$$'\033[36m'; off=$$'\033[0m'; else on=; off=; fi; \
	awk -v on="$$on" -v off="$$off" 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %s%-18s%s %s\n", on, $$1, off, $$2}' $(MAKEFILE_LIST)

$(UV):
	$(PYTHON3) -m venv $(CURDIR)/.tools
	$(CURDIR)/.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Three installs, one .venv: serving (the server extra), judging (the contract extra) and
# developing (every extra and the dev group). The first two are --inexact, so they never
# remove what a bigger install put there.
$(VENV)/.synced-server: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --inexact --no-dev --extra server --quiet
	@touch $@

$(VENV)/.synced-contract: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --inexact --no-dev --extra contract --quiet
	@touch $@

$(VENV)/.synced-dev: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --all-extras --quiet
	@touch $@ $(VENV)/.synced-server $(VENV)/.synced-contract

.PHONY: install
install: $(VENV)/.synced-server ## Install uv (pinned) and what serving needs (the client and the server extra) into .venv

.PHONY: install-contract
install-contract: $(VENV)/.synced-contract ## Install what `make contract` needs (the client and the contract extra)

.PHONY: install-dev
install-dev: $(VENV)/.synced-dev ## Install every extra and the dev group (generators, linters, tests, benchmarks)

.PHONY: generate
generate: install-dev ## Regenerate generated/ from openapi.json + overrides/openapi.overlay.yaml
	$(BIN)/python tools/generate.py

.PHONY: check-generated
check-generated: install-dev ## Fail if generated/ differs from a fresh regeneration (changes nothing)
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(BIN)/python tools/generate.py --out "$$tmp/generated"; \
	if ! diff -r -x __pycache__ -x .ruff_cache -x .mypy_cache generated "$$tmp/generated"; then \
		echo "generated/ is stale or hand-edited: run 'make generate' and commit" >&2; exit 1; \
	fi; echo "generated/ matches openapi.json + overlay"

.PHONY: check-compat
check-compat: install ## Fail on a breaking change (generated/CHANGES.json) not acknowledged in overrides/release.toml
	$(BIN)/python tools/compat.py

.PHONY: lint
lint: install-dev ## ruff (lint + format check) and the import rules (import-linter, .importlinter)
	$(BIN)/ruff check $(PY_SOURCES)
	$(BIN)/ruff format --check $(PY_SOURCES)
	$(BIN)/lint-imports --no-cache --no-logo

.PHONY: format
format: install-dev ## Rewrite handwritten code with ruff (the only target that edits code)
	$(BIN)/ruff check --fix $(PY_SOURCES)
	$(BIN)/ruff format $(PY_SOURCES)

.PHONY: typecheck
typecheck: install-dev ## mypy --strict over overrides, tools, tests, bench and generated code
	$(BIN)/mypy generated/liveavatar_api generated/liveavatar_models overrides server contract tools tests bench

.PHONY: test
test: install-dev ## Run the whole test suite
	$(BIN)/pytest

.PHONY: dist
dist: install-dev ## Build the sdist and the wheel into dist/
	rm -rf dist
	$(UV) build --quiet --out-dir dist

.PHONY: clean
clean: ## Remove build outputs, caches and the virtual environments
	rm -rf dist reports .venv .tools .mypy_cache .pytest_cache .ruff_cache

# --- client SDK (liveavatar) -------------------------------------------------------------
.PHONY: bench-client
bench-client: install-dev ## Client per-call overhead vs raw httpx on loopback (ARGS="--url URL --api-key KEY")
	$(BIN)/python -m bench.client_overhead $(ARGS)


# --- reference server (liveavatar_server) ----------------------------------------------------

# Set on the command line (`make serve PORT=9000`); `:=` keeps an exported HOST or PORT of
# the shell (often the machine's name, or a platform's port) from moving the server.
HOST := 127.0.0.1
PORT := 8000

.PHONY: serve
serve: install ## Serve the reference API (SQLite in ./.data): make serve [HOST=127.0.0.1] [PORT=8000] [ARGS=--workers 2]
	$(BIN)/liveavatar-server serve --host $(HOST) --port $(PORT) $(ARGS)

# `server/` and `tests/` are folders: without these phony names make would find them "up to date".
.PHONY: server tests
server: serve ## Same as `make serve`
tests: test ## Same as `make test`

.PHONY: vendor-docs
vendor-docs: install-dev ## Re-vendor Swagger UI (npm swagger-ui-dist, pinned) for the server's /docs
	$(BIN)/python tools/vendor_docs_assets.py

.PHONY: install-browser
install-browser: ## Install Debian's chromium for the /docs browser test (no apt: the test skips)
	@if command -v chromium >/dev/null; then echo "chromium: $$(command -v chromium)"; \
	elif command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else echo "no apt-get here: tests/server/test_docs.py will skip its browser test"; fi

# --- contract suite: liveavatar_contract judges any implementation over HTTP ---
URL ?=
API_KEY ?=
API_KEY_2 ?=
MAX_TIME ?= 170
MAX_EXAMPLES ?=
SEED ?=
SPEC ?=
TAGS ?=
OPERATIONS ?=
# Keys travel in the environment, never on a command line or in a report.
export API_KEY API_KEY_2
# TAGS and OPERATIONS are comma-separated ("TAGS=Secrets,LLM Configurations").
comma := ,
CONTRACT_SELECTION = $(foreach tag,$(subst $(comma), ,$(subst $() ,@,$(TAGS))),--tag "$(subst @, ,$(tag))") \
	$(foreach op,$(subst $(comma), ,$(OPERATIONS)),--operation-id $(op))
CONTRACT_OPTIONS = --url "$(URL)" --max-time $(MAX_TIME) $(if $(SEED),--seed $(SEED)) $(if $(MAX_EXAMPLES),--max-examples $(MAX_EXAMPLES)) $(CONTRACT_SELECTION)
PRISM_VERSION := 5.16.0
PRISM := $(CURDIR)/.tools/prism/node_modules/.bin/prism

.PHONY: contract
contract: install-contract ## Judge a running server: make contract URL=http://HOST:PORT API_KEY=KEY [API_KEY_2=KEY2] [TAGS=a,b] [OPERATIONS=id,id] [MAX_TIME=170] [SEED=N] [ARGS=--strict]
	$(BIN)/liveavatar-contract $(CONTRACT_OPTIONS) $(if $(SPEC),--spec $(SPEC)) $(ARGS)

.PHONY: contract-realtime
contract-realtime: install ## Judge a running server's LITE socket: make contract-realtime URL=http://HOST:PORT API_KEY=KEY [ARGS=--max-examples 20]
	$(BIN)/python -m liveavatar_contract.realtime --url "$(URL)" $(ARGS)

.PHONY: contract-upstream
contract-upstream: install-dev ## Run against the pristine openapi.json and list where it and the documented behaviour disagree
	$(BIN)/python -m liveavatar_contract --upstream $(CONTRACT_OPTIONS)

# --- Benchmarks and reliability (`make bench-server` checks the server's performance goal) ---
BENCH_DURATION ?= 10
SUDO := $(shell test "$$(id -u)" -eq 0 || echo sudo)

$(PRISM):
	mkdir -p $(CURDIR)/.tools/prism
	cd $(CURDIR)/.tools/prism && npm install --no-audit --no-fund --silent @stoplight/prism-cli@$(PRISM_VERSION)

.PHONY: contract-prism
contract-prism: install-dev $(PRISM) ## Run the suite against the Prism mock of the effective spec (informational; MAX_TIME=60 by default)
	@port=$$($(BIN)/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	$(PRISM) mock $(or $(SPEC),generated/openapi.effective.json) -h 127.0.0.1 -p $$port > $(CURDIR)/.tools/prism/mock.log 2>&1 & pid=$$!; trap 'kill $$pid' EXIT; \
	for _ in $$(seq 60); do curl -s -o /dev/null http://127.0.0.1:$$port/ && break; sleep 0.5; done; \
	rc=0; API_KEY=prism-key API_KEY_2=prism-key-2 $(BIN)/python -m liveavatar_contract --url http://127.0.0.1:$$port \
		--max-time $(if $(filter 170,$(MAX_TIME)),60,$(MAX_TIME)) $(if $(SEED),--seed $(SEED)) --report-dir reports/prism || rc=$$?; \
	echo "prism run finished with exit $$rc (1 = findings, expected: Prism is a mock)"; test $$rc -le 1

.PHONY: bench-tools
bench-tools: install-dev $(PRISM) ## Install what the benchmarks need: wrk (apt-get) and Prism (npm, into .tools/)
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }

.PHONY: bench
bench: bench-tools ## One full benchmark run (server vs Prism and ceiling, client, generation) -> bench/results/
	$(BIN)/python -m bench.run --suite all --duration $(BENCH_DURATION)

.PHONY: bench-server
bench-server: bench-tools ## Durable creates on SQLite vs Prism, 32 connections (the server's goal) -> bench/results/
	$(BIN)/python -m bench.run --suite server --duration $(BENCH_DURATION)

.PHONY: bench-limits
bench-limits: bench-tools ## Ours vs the limit apps (same work, bench/limits/) and the fair FastAPI peer; the testing mode's start/reset/stop -> bench/results/
	$(BIN)/python -m bench.run --suite limits --duration $(BENCH_DURATION)

.PHONY: bench-spec
bench-spec: install-dev ## Rewrite bench/openapi.large.json (the 10x spec) from openapi.json
	$(BIN)/python -m bench.make_large_spec

.PHONY: test-reliability
test-reliability: install-dev ## Authorization matrix, races, crash, concurrency, multi-instance, hygiene, limits, fuzz and inputs no schema describes, against live servers
	$(BIN)/pytest -m reliability tests/reliability
