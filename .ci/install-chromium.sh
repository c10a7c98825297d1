#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (tests/browser), unless it is already there.
# playwright-core drives it through CHROMIUM_PATH (default /usr/bin/chromium): no browser download.
set -euo pipefail

if [[ ! -x /usr/bin/chromium ]]; then
  SUDO=''
  if [[ "$(id -u)" -ne 0 ]]; then
    SUDO='sudo'
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends chromium
fi

chromium --version
