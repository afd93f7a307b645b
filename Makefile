# The two commands the README starts with. Both set everything up first (once).
.PHONY: demo test setup setup-test bench serve load

demo: setup
	.venv/bin/tomtat summarize examples/cluster-vi

test: setup-test
	.venv/bin/python -m pytest -q

setup:
	@bash scripts/setup.sh

setup-test:
	@bash scripts/setup.sh --test

bench: setup-test
	.venv/bin/python benchmarks/abmusu.py

serve: setup
	.venv/bin/tomtat serve

load: setup-test
	.venv/bin/python benchmarks/load.py --clients 32 --duration 60
