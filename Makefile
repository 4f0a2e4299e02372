# Set-up on a fresh machine: `make demo` (check and render the shipped map), `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MAPS := arguments/indonesia-korea

.PHONY: install system-deps demo test lint docs bench clean

$(BIN)/argmap: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

system-deps:
	@sh scripts/install-system-deps.sh

install: system-deps $(BIN)/argmap

demo: install
	$(BIN)/argmap check $(MAPS)/paper.yaml --fail-on never
	$(BIN)/argmap check $(MAPS)/review.yaml --fail-on never
	mkdir -p out
	$(BIN)/argmap render $(MAPS)/paper.yaml -o out/paper.svg
	$(BIN)/argmap render $(MAPS)/review.yaml -o out/review.svg
	@echo "Diagrams written: out/paper.svg out/review.svg"

lint: install
	$(BIN)/ruff check argmap tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

test: install lint
	$(BIN)/pytest

bench: install
	$(BIN)/python benchmarks/run.py --with-argdown

docs: install
	sh scripts/render-docs.sh $(BIN)/argmap

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
