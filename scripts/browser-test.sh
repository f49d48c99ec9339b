#!/usr/bin/env bash
# Browser tests of the review site: installs Debian's chromium and chromium-driver (apt, as root or through
# `sudo -n`; with fonts-noto-cjk so that the screenshots show Chinese) and Selenium (PyPI, into
# .build-browser/venv) when missing, builds the review site of Fixtures with the debug binary (the one
# `swift test` builds; POLICY_EXTRACT=path to use another) and runs Tests/browser/test_review.py in headless
# Chromium. Screenshots go to docs/screenshots/. Every step has a time limit; the script never waits for input.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "installing: chromium chromium-driver" >&2
  timeout 300 $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 900 $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-cjk >/dev/null
fi
VENV=.build-browser/venv
if ! "$VENV/bin/python" -c 'import selenium' >/dev/null 2>&1; then
  echo "installing: selenium (PyPI) into $VENV" >&2
  python3 -m venv "$VENV"
  timeout 300 "$VENV/bin/pip" install -q 'selenium>=4.10,<5'
fi
installed=$(date +%s)
echo "browser-test: install step $((installed - start)) s" >&2

BIN="${POLICY_EXTRACT:-}"
if [ -z "$BIN" ]; then
  timeout 1800 swift build --product policy-extract >&2
  BIN=.build/debug/policy-extract
fi
SITE=.build-browser/site
rm -rf "$SITE"
timeout 300 "$BIN" review Fixtures/docs --out "$SITE"
built=$(date +%s)
echo "browser-test: site built in $((built - installed)) s (including the build)" >&2

mkdir -p docs/screenshots
REVIEW_SITE="$SITE" SCREENSHOTS=docs/screenshots CHROMEDRIVER="$(command -v chromedriver)" CHROMIUM="$(command -v chromium)" \
  timeout 600 "$VENV/bin/python" Tests/browser/test_review.py
echo "browser-test: browser tests $(( $(date +%s) - built )) s; total $(( $(date +%s) - start )) s" >&2
