#!/usr/bin/env bash
# Set up everything tomtat needs, once: a virtualenv in .venv with the package and its
# dependencies from PyPI. Re-running is cheap: it reinstalls only when pyproject.toml changed.
#   scripts/setup.sh          library, CLI and service
#   scripts/setup.sh --test   also what the test suite needs (dev extras, Debian chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

python=${PYTHON:-}
if [[ -z "$python" ]]; then
  for candidate in python3.11 python3.12 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python=$candidate; break; fi
  done
fi
[[ -n "$python" ]] || { echo "setup: no python3 found; install Python 3.11+" >&2; exit 1; }

if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv with $python" >&2
  "$python" -m venv .venv
fi

extras="."
stamp=.venv/.tomtat-installed
[[ $want_test == 1 ]] && { extras=".[dev]"; stamp=.venv/.tomtat-installed-dev; }
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
  echo "setup: installing tomtat and its dependencies into .venv" >&2
  .venv/bin/python -m pip install --quiet --upgrade pip >&2
  .venv/bin/python -m pip install --quiet -e "$extras" >&2
  touch "$stamp"
fi

if [[ $want_test == 1 && -f scripts/setup-browser.sh ]]; then
  bash scripts/setup-browser.sh
fi
