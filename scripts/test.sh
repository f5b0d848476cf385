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

# --- opendata ---
step "opendata, feeds, sitemap and the 五十音 group directory (build/site-a, against content/)"
python3 tests/tools/check_opendata.py build/site-a

step "opendata: feeds and data files depend on the content only, not on the build date"
rm -rf build/site-date
build/kyodo build --out build/site-date --build-date 2031-04-01 >/dev/null
for f in feed.xml sitemap.xml robots.txt saku/feed.xml opendata/cases.csv opendata/groups.json; do
  cmp build/site-a/$f build/site-date/$f
done
echo "identical across build dates"

step "opendata: a site under a subpath (--base-url https://example.org/kyodo/)"
rm -rf build/site-sub
build/kyodo build --out build/site-sub --base-url https://example.org/kyodo/ >/dev/null
python3 tests/tools/check_links.py build/site-sub --base-url https://example.org/kyodo/
python3 tests/tools/check_opendata.py build/site-sub --base-url https://example.org/kyodo/

step "opendata: a site opened from disk (--relative)"
rm -rf build/site-rel
build/kyodo build --out build/site-rel --relative >/dev/null
python3 tests/tools/check_links.py build/site-rel --relative

step "opendata: the in-page group filter (groups.js) matches the static 分野/地域 pages"
node tests/browser/groups_filter.mjs build/site-a saku suwa azumino
# --- end opendata ---

printf '\nall checks passed in %ss\n' "$(( $(date +%s) - start ))"
