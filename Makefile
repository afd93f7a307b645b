# The two commands the README starts with. Both set everything up first (once).
.PHONY: demo test test-all setup setup-test bench serve load

demo: setup
	.venv/bin/tomtat summarize examples/cluster-vi

# Lint, types, then the tests. Locally the slow tests (../shared data, browser, scale) are
# left out to keep the run under two minutes; CI (CI=true) and `make test-all` run them all.
test: setup-test
	.venv/bin/ruff check src tests benchmarks training scripts
	.venv/bin/mypy
	.venv/bin/python -m pytest -q $(if $(filter true,$(CI)),,-m "not slow")

test-all: setup-test
	.venv/bin/ruff check src tests benchmarks training scripts
	.venv/bin/mypy
	.venv/bin/python -m pytest -q

setup:
	@bash scripts/setup.sh

setup-test:
	@bash scripts/setup.sh --test

bench: setup-test
	.venv/bin/python benchmarks/corpora.py --repeat 3

serve: setup
	.venv/bin/tomtat serve

load: setup-test
	.venv/bin/python benchmarks/load.py --clients 32 --duration 60
