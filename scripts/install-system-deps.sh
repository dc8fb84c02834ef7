#!/usr/bin/env bash
# Installs the Debian packages `npm test` needs: Chromium (browser end-to-end tests), admesh and PrusaSlicer
# (independent checks of exported meshes), libxml2-utils and unzip (3MF inspection), xvfb (a display for Electron),
# redis-server (the order queue tests start their own on a random 127.0.0.1 port).
set -euo pipefail
pkgs=(chromium admesh prusa-slicer libxml2-utils unzip xvfb redis-server)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then echo "system packages: all present"; exit 0; fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
