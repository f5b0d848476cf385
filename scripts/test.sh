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
tests/tools/vnu.sh build/site-a --json build/vnu.json

step "sample site: internal links"
python3 tests/tools/check_links.py build/site-a --relative

# --- themes ---
# Accessibility gate (issue 9): every page type in every theme plus a seeded
# random sample, at 375 and 1280 px, in headless chromium: axe-core (WCAG 2.0/2.1
# A+AA), reflow at 320 px (400 %) and 640 px (200 %), text spacing, a keyboard walk;
# then the published site is rebuilt with the results as its 試験結果.
A11Y_SEED=20240401
step "sample site: accessibility in chromium (axe-core, reflow, keyboard; each page type in each theme + 8 sampled)"
a11y_start=$(date +%s)
node tests/browser/a11y.mjs build/site-a --per-theme --sample 8 --seed "$A11Y_SEED" --vnu build/vnu.json --out build/a11y
echo "screenshots for review: build/a11y/screenshots/ ($(( $(date +%s) - a11y_start ))s)"

step "the gates can fail: broken page, keyboard trap, low-contrast city and theme"
node tests/browser/a11y.mjs tests/browser/fixtures/broken --out build/a11y-broken --workers 1 --expect-fail
node tests/browser/keyboard.mjs tests/browser/fixtures/keyboard-broken --expect-fail
rm -rf build/fixture-themes && cp -r themes build/fixture-themes && cp -r tests/invalid/contrast-theme/themes/pale build/fixture-themes/
for fixture in contrast-city contrast-theme; do
  status=0
  build/kyodo build --content "tests/invalid/$fixture/content" --themes build/fixture-themes \
    --out build/invalid-out 2>build/invalid-stderr.txt >/dev/null || status=$?
  if [ "$status" -ne 1 ] || [ -e build/invalid-out ]; then
    echo "tests/invalid/$fixture: expected exit 1 and no output, got exit $status" >&2; exit 1
  fi
  diff -u "tests/invalid/$fixture/expected.txt" build/invalid-stderr.txt
  echo "ok    tests/invalid/$fixture: $(head -n 1 build/invalid-stderr.txt | cut -d: -f1-3)"
done

step "accessibility evidence: rebuild with the gate's results and check the published pages"
build/kyodo build --out build/site-a --a11y-report build/a11y/a11y-results.json >/dev/null
grep -q '試験実施日' build/site-a/saku/accessibility/index.html
tests/tools/vnu.sh build/site-a
python3 tests/tools/check_links.py build/site-a --relative
node tests/browser/a11y.mjs build/site-a --out build/a11y-evidence \
  --pages accessibility/index.html saku/accessibility/index.html
# --- end themes ---

printf '\nall checks passed in %ss\n' "$(( $(date +%s) - start ))"
