# Every target sets itself up on a fresh machine: a .venv with Dossier and its dependencies.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_OUT := build/example-briefing

.PHONY: demo test eval bench bench-full setup clean screenshots serve chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,spark]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)  ## build the example briefing from examples/
	$(BIN)/dossier build examples --out $(DEMO_OUT) --question "Will the Dravenian government invoke emergency powers to end the Yarovets port strike?" || test $$? -eq 1
	@echo "Example briefing: $(abspath $(DEMO_OUT))/briefing.html"

test: $(STAMP) chromium  ## the whole test suite (browser tests in Debian's chromium)
	$(BIN)/python -m pytest -q

chromium:  ## Debian's chromium for the browser tests (Playwright's own download does not work offline)
	@test -x /usr/bin/chromium || (command -v apt-get >/dev/null && \
	  ( (apt-get install -y -qq chromium || (apt-get update -qq && apt-get install -y -qq chromium)) >/dev/null 2>&1 || \
	    sudo -n apt-get install -y -qq chromium >/dev/null 2>&1 ) ) || \
	  echo "chromium could not be installed: the browser tests will be skipped"

serve: demo  ## the example briefing in the browser at http://127.0.0.1:8000/
	$(BIN)/dossier serve $(DEMO_OUT)

screenshots: demo chromium  ## docs/screenshots/*.png of every view of the example briefing
	$(BIN)/python scripts/screenshots.py $(DEMO_OUT) --out docs/screenshots

EVAL_STAMP := $(VENV)/.installed-eval

$(EVAL_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,eval]'
	touch $(EVAL_STAMP)

eval: $(EVAL_STAMP)  ## extraction, cleaning, quotes/speakers/entities/figures/dates on the labelled sets
	$(BIN)/python eval/extraction.py
	$(BIN)/python eval/cleaning.py
	$(BIN)/python eval/analysis.py
	$(BIN)/python eval/assessments.py

BENCH := build/bench

$(BENCH)/c%/corpus.jsonl: bench/corpus.py | $(STAMP)
	$(BIN)/python bench/corpus.py --docs $$(echo $* | sed 's/k$$/000/') --seed 1 --out $(BENCH)/c$*

bench: $(STAMP) $(BENCH)/c1k/corpus.jsonl $(BENCH)/c10k/corpus.jsonl $(BENCH)/c100k/corpus.jsonl  ## copy detection quality (1k), dedupe speed and memory (10k, 100k; on Spark 10k), extraction vs bare spaCy (1k), web load
	$(BIN)/python bench/quality.py $(BENCH)/c1k
	$(BIN)/python bench/dedupe.py $(BENCH)/c10k
	$(BIN)/python bench/dedupe.py $(BENCH)/c100k
	$(BIN)/python bench/spark_dedupe.py $(BENCH)/c10k --docs 10000
	$(BIN)/python bench/extraction.py $(BENCH)/c1k
	$(BIN)/python bench/runners.py $(BENCH)/c1k --docs 500
	$(BIN)/python bench/story_filter.py $(BENCH)/c1k
	$(MAKE) --no-print-directory demo >/dev/null
	$(BIN)/python bench/web_load.py $(DEMO_OUT) --clients 50 --seconds 20

bench-full: bench  ## also copy-detection quality at 100k documents (about half an hour on 2 cores)
	$(BIN)/python bench/quality.py $(BENCH)/c100k

clean:
	rm -rf build .pytest_cache
