#!/usr/bin/env bash
# Makes sure the browser the playground's browser test drives is installed: Debian's chromium
# (playwright-core downloads no browser of its own). Does nothing when it is already there.
# Run as root on Debian (CI, the development containers): `bash scripts/ensure-chromium.sh`.
set -euo pipefail

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM_PATH" ]; then
  echo "Chromium: $CHROMIUM_PATH ($("$CHROMIUM_PATH" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "No Chromium at $CHROMIUM_PATH and no apt-get to install it: install Chromium and set CHROMIUM_PATH." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "No Chromium at $CHROMIUM_PATH; installing it needs root (apt-get install chromium)." >&2
    exit 1
  fi
fi

echo "Installing Debian's chromium for the browser tests…"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
"$CHROMIUM_PATH" --version
