#!/usr/bin/env bash
# Builds kyodo (Release, Ninja) and generates site/ from content/.
# Usage: scripts/build.sh [extra kyodo build flags]
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
build/kyodo build "$@"
echo "site/index.html を開くと、4市のポータルが見られます。"
