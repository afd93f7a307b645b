#!/usr/bin/env bash
# Install Debian's chromium for the browser test when it is missing (Playwright drives it; its own
# browser download is never used). Needs root (CI and developer machines run as root) and apt.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browser: /usr/bin/chromium is missing and apt-get is not available; the browser test will skip" >&2
  exit 0
fi
sudo=""
if [[ $(id -u) != 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "setup-browser: not root and no sudo: install chromium yourself (apt-get install chromium)" >&2; exit 0
  fi
fi
echo "setup-browser: installing Debian chromium" >&2
$sudo apt-get update -q >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium >&2
