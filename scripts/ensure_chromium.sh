#!/usr/bin/env bash
# Make sure a Chromium for the browser tests exists (Playwright drives it; it never
# downloads a browser of its own). On Debian/Ubuntu as root it installs Debian's
# `chromium` package; elsewhere it says what to install and fails.
#
# The apt package is not version-pinned on purpose: Debian's archive only serves the
# current security-patched build, so a pin would break fresh machines after an update.
set -euo pipefail

chromium="${KB_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "browser tests: Chromium not found; installing Debian's chromium package (about a minute)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  [ -x /usr/bin/chromium ] && { /usr/bin/chromium --version; exit 0; }
fi
cat >&2 <<'MSG'
error: the browser tests need Chromium and none was found at /usr/bin/chromium.
  Debian/Ubuntu:  sudo apt-get install chromium
  Fedora:         sudo dnf install chromium
  macOS:          brew install --cask chromium
  Or point KB_CHROMIUM at any Chromium/Chrome binary, e.g.
    make test KB_CHROMIUM=/Applications/Chromium.app/Contents/MacOS/Chromium
MSG
exit 1
