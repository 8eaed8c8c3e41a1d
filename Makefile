# Two commands for a newcomer: `make run` and `make test`. Both create .venv first.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck check examples lemmas bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## run: read and check every bundled example (a non-compliant verdict is not a
## failure), assemble the example deal description into build/ and check it, then
## audit the bundled examples into build/audit/ (ends with the path of report.html)
run: $(STAMP)
	$(BIN)/opi read --format summary corpora/examples
	$(BIN)/opi read corpora/examples/sv_vardlarm_opi.docx
	@for f in corpora/examples/*.*; do $(BIN)/opi check "$$f" || [ $$? -eq 1 ] || exit 1; echo; done
	mkdir -p build
	$(BIN)/opi assemble corpora/specs/sv_trygghetslarm_each_own.yaml -o build/avtal-exempel.docx --force
	$(BIN)/opi check corpora/examples/sv_skolenergi_samverkan.pdf --format html -o build/granskning-exempel.html --annotate build/granskning-exempel.pdf --force || [ $$? -eq 1 ]
	$(BIN)/opi audit corpora/examples --out build/audit --force || [ $$? -eq 1 ]

## test: lint, type-check and run the whole test suite, on every core (pytest-xdist)
test: $(STAMP) lint typecheck
	$(BIN)/python -m pytest -n auto

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

## lemmas: rebuild the lookup-lemma tries in checkers/data/lemmas/ from
## spacy-lookups-data (deterministic; a test checks the shipped files are this build)
lemmas: $(STAMP)
	$(BIN)/python -m checkers.lemmas

## examples: regenerate corpora/examples and corpora/fixtures (deterministic)
examples: $(STAMP)
	$(BIN)/python corpora/make_examples.py

## bench: reader throughput against bare pdfplumber (not a test)
bench: $(STAMP)
	$(BIN)/python benchmarks/read_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
