#!/usr/bin/env bash
# HTML conformance check of a built site with the Nu Html Checker (vnu).
#   tests/tools/vnu.sh SITE_DIR
# One JVM for the whole directory: each java start costs ~1.5 s.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 SITE_DIR" >&2
  exit 2
fi
repo=$(cd "$(dirname "$0")/../.." && pwd)
jar="$repo/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$jar" ]; then
  echo "vnu: $jar not found; run scripts/setup.sh" >&2
  exit 2
fi

# vnu writes its messages to stderr and exits 1 on errors; keep both for the report.
status=0
out=$(java -jar "$jar" --errors-only --skip-non-html "$1" 2>&1) || status=$?
if [ -n "$out" ]; then
  printf '%s\n' "$out"
fi
count=$(printf '%s\n' "$out" | grep -c ': error:' || true)
if [ "$status" -ne 0 ]; then
  echo "vnu: $count errors in $1 (exit $status)"
  exit 1
fi
echo "vnu: 0 errors in $1"
