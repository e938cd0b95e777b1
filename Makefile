# The two commands of the README: `make demo` and `make test`.
# Both create .venv in the project root and install the project into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@if $(BIN)/python -m pip install --quiet uv 2>/dev/null; then \
		$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]'; \
	else \
		$(BIN)/python -m pip install --quiet -e '.[dev]'; \
	fi
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/figures demo --db demo.duckdb --out charts

test: $(STAMP)
	$(BIN)/python -m pytest -q tests; status=$$?; \
	if [ $$status -eq 5 ]; then echo "no tests collected"; exit 1; fi; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check analytics tests bench
	$(BIN)/ruff format --check analytics tests bench

bench: $(STAMP)
	$(BIN)/figures bench --size 10MB

clean:
	rm -rf $(VENV) demo.duckdb .pytest_cache
