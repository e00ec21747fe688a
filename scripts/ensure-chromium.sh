#!/usr/bin/env bash
# The end-to-end test drives Debian's Chromium (playwright-core cannot download a browser here). Install it, and
# CJK fonts so Chinese text renders in screenshots, when missing. Needs root (as on CI and dev machines here).
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q .; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium or CJK fonts are missing: run 'sudo apt-get install -y chromium fonts-noto-cjk'" >&2
  exit 1
fi
echo "[tidepool] installing Debian chromium and fonts-noto-cjk…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
