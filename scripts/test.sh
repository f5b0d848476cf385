#!/usr/bin/env bash
# Everything CI checks, in one command (README: the second command).
# Each step prints a header; the first failure stops the run with its output.
set -euo pipefail
cd "$(dirname "$0")/.."

JOBS=$(nproc)
FUZZ_SECONDS=${FUZZ_SECONDS:-10}
step() { printf '\n== %s\n' "$*"; }
start=$(date +%s)
# ccache makes the three builds cheap after the first run on a machine.
LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

step "setup (installs only what is missing)"
scripts/setup.sh

step "release build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "${LAUNCHER[@]}" >/dev/null
cmake --build build

step "unit, fixture and golden tests (doctest via ctest)"
ctest --test-dir build --output-on-failure -j "$JOBS" | tail -n 3

step "sample site: --jobs 1 and --jobs $JOBS give byte-identical output"
rm -rf build/site-a build/site-b
build/kyodo build --out build/site-a --jobs 1 >/dev/null
build/kyodo build --out build/site-b --jobs "$JOBS" >/dev/null
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

step "ASan+UBSan build (clang): tests, fuzz corpus replay, ${FUZZ_SECONDS}s of fuzzing per target"
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_UNITY_BUILD=ON \
  -DKYODO_SANITIZE=address,undefined -DKYODO_FUZZ=ON "${LAUNCHER[@]}" >/dev/null
cmake --build build-asan
(cd build-asan && ./kyodo_tests | tail -n 3)
for target in front_matter config dates markdown; do
  fuzzer=build-asan/${target}_fuzzer
  mkdir -p "fuzz/regressions/$target"
  "$fuzzer" -runs=0 "fuzz/corpus/$target" "fuzz/regressions/$target" 2>&1 | tail -n 1
  scratch=$(mktemp -d)
  "$fuzzer" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="build-asan/$target-" \
    "$scratch" "fuzz/corpus/$target" 2>&1 | tail -n 1
  rm -rf "$scratch"
done

step "TSan build: tests and a parallel build of the sample site"
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_UNITY_BUILD=ON \
  -DKYODO_SANITIZE=thread "${LAUNCHER[@]}" >/dev/null
cmake --build build-tsan
(cd build-tsan && TSAN_OPTIONS=halt_on_error=1 ./kyodo_tests | tail -n 3)
rm -rf build/site-tsan
TSAN_OPTIONS=halt_on_error=1 build-tsan/kyodo build --out build/site-tsan --jobs 4 >/dev/null
diff -r build/site-a build/site-tsan

printf '\nall checks passed in %ss\n' "$(( $(date +%s) - start ))"
