#!/usr/bin/env bash
# Run by the browser profile before its tests: BrowserTest drives Debian's Chromium through
# Debian's chromedriver, so install both when missing. Package lists may be stale or absent on a
# fresh machine, so they are updated only when the first install fails.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "the browser test needs Debian's chromium and chromium-driver: install them" \
       "(apt-get install chromium chromium-driver) or build without -Pbrowser" >&2
  exit 1
fi
install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; }
log=$(mktemp "${TMPDIR:-/tmp}/cloakroom-apt.XXXXXX")
if ! { install || { apt-get update -q && install; }; } > "$log" 2>&1; then
  cat "$log" >&2
  echo "could not install chromium and chromium-driver for the browser test" >&2
  exit 1
fi
rm -f "$log"
echo "installed Debian's chromium and chromium-driver for the browser test"
