#!/usr/bin/env bash
# Everything CI checks, in one command (README: the second command).
# Each step prints a header; the first failure stops the run with its output.
set -euo pipefail
cd "$(dirname "$0")/.."

JOBS=$(nproc)
step() { printf '\n== %s\n' "$*"; }
start=$(date +%s)

step "setup (installs only what is missing)"
scripts/setup.sh

step "release build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build

step "unit tests (doctest via ctest)"
ctest --test-dir build --output-on-failure -j "$JOBS" | tail -n 3

step "sample site: build twice, byte-identical"
rm -rf build/site-a build/site-b
build/kyodo build --out build/site-a >/dev/null
build/kyodo build --out build/site-b --jobs 1 >/dev/null
diff -r build/site-a build/site-b
echo "identical: $(find build/site-a -type f | wc -l) files"

step "sample site: HTML validity (vnu)"
tests/tools/vnu.sh build/site-a

step "sample site: internal links"
python3 tests/tools/check_links.py build/site-a --relative

step "sample site: accessibility in chromium (axe-core, 375 px and 1280 px)"
node tests/browser/a11y.mjs build/site-a --out build/a11y
echo "-- the gate can fail: a deliberately broken page must be caught"
node tests/browser/a11y.mjs tests/browser/fixtures/broken --out build/a11y-broken --expect-fail

# --- search ---
step "site search in chromium: judged queries, live region, keyboard, filters, file://, no JS, axe"
node tests/browser/search.mjs build/site-a
# --- end search ---

printf '\nall checks passed in %ss\n' "$(( $(date +%s) - start ))"
