#!/usr/bin/env bash
# Installs everything kyodo needs to build and check a site (Debian 12).
# Idempotent: when all is present it only checks and exits in well under 2 s.
# It does not build the C++ code; run cmake afterwards (see README).
set -euo pipefail

cd "$(dirname "$0")/.."

APT_PACKAGES=(
  g++ clang libclang-rt-14-dev cmake ninja-build pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libkainjow-mustache-dev
  doctest-dev libboost-filesystem-dev libicu-dev libmecab-dev mecab-ipadic-utf8
  libcpp-httplib-dev libxxhash-dev nlohmann-json3-dev libmimalloc-dev ccache
  chromium fonts-noto-cjk openjdk-17-jre-headless python3
)

# Root runs apt directly; others go through sudo if it exists.
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  fi
fi

# 1. apt packages: install only the missing ones.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "apt: all ${#APT_PACKAGES[@]} packages present"
else
  if [ "$(id -u)" -ne 0 ] && [ ${#SUDO[@]} -eq 0 ]; then
    echo "apt: missing ${missing[*]}; run this script as root or install sudo" >&2
    exit 1
  fi
  echo "apt: installing ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  echo "apt: installed ${#missing[@]} packages"
fi

# 2. node/npm come with the base image (a repacked nodesource build); the
#    Debian nodejs/npm packages would clash with it, so we never install them.
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: '$tool' not found; install Node.js 20+ with npm (not via this script)" >&2
    exit 1
  fi
done
echo "node: $(node --version), npm: $(npm --version 2>/dev/null)"

# 3. npm tools. `npm ci` is avoided on purpose (see docs: npm 11 lockfiles can miss
#    optional platform packages and make `npm ci` fail); `npm install` with the
#    committed lock installs the locked versions.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "npm: installing tools from package-lock.json"
  npm install --no-audit --no-fund
  # npm may write package-lock.json after the stamp; make the stamp newest so
  # the next run is a no-op.
  touch "$stamp"
  echo "npm: done"
else
  echo "npm: node_modules up to date"
fi

echo "setup: ok"
