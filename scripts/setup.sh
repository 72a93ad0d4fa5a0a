#!/usr/bin/env bash
# Installs what the tool needs on a fresh Debian machine: Chromium (PDFs and accessibility
# checks), fonts (embedded in the PDFs), poppler and qpdf (PDF inspection), and the npm
# packages at the versions in package-lock.json. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-liberation poppler-utils qpdf)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "Installing npm packages (npm ci)"
npm ci --no-audit --no-fund --loglevel=error
