#!/usr/bin/env bash
# Install what building, running and testing 工会账本 needs on Debian 12 — idempotent, and
# fast when everything is already there. Usage: scripts/ensure-deps.sh [run|test]
set -euo pipefail
mode="${1:-run}"
cd "$(dirname "$0")/.."

apt_packages=(build-essential pkg-config libwebkit2gtk-4.1-dev libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev fonts-noto-cjk)
if [ "$mode" = test ]; then
  apt_packages+=(webkit2gtk-driver xvfb xauth hledger chromium poppler-utils imagemagick faketime python3 sqlite3)
fi
command -v node >/dev/null 2>&1 || apt_packages+=(nodejs npm)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust toolchain not found: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

# Front-end dependencies from the committed lockfile; skipped when already in place.
# (package.json overrides rollup with its WebAssembly build: the registry this project builds
# from carries only some of rollup's per-platform binaries, and `npm ci` needs them all.)
if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "==> npm ci (ui)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$mode" = test ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "==> cargo install tauri-driver"
  cargo install tauri-driver --locked --quiet
fi
