#!/usr/bin/env bash
# HTML conformance check of a built site with the Nu Html Checker (vnu).
#   tests/tools/vnu.sh SITE_DIR [--json OUT]
# One JVM for the whole directory: each java start costs ~1.5 s.
# --json keeps vnu's own JSON report (every page checked, each error with its
# file): a11y.mjs --vnu OUT turns it into the 4.1.1 evidence of the 試験結果.
set -euo pipefail

usage() { echo "usage: $0 SITE_DIR [--json OUT]" >&2; exit 2; }
[ $# -ge 1 ] && [ -d "$1" ] || usage
site=$1
json=
if [ $# -eq 3 ] && [ "$2" = "--json" ]; then json=$3; elif [ $# -ne 1 ]; then usage; fi
repo=$(cd "$(dirname "$0")/../.." && pwd)
jar="$repo/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$jar" ]; then
  echo "vnu: $jar not found; run scripts/setup.sh" >&2
  exit 2
fi

# vnu writes its messages to stderr and exits 1 on errors; keep both for the report.
status=0
if [ -n "$json" ]; then
  mkdir -p "$(dirname "$json")"
  java -jar "$jar" --errors-only --skip-non-html --format json "$site" 2>"$json" || status=$?
  # The same readable lines as without --json: file:line: error: message.
  out=$(python3 - "$json" <<'PY'
import json, sys
for m in json.load(open(sys.argv[1])).get("messages", []):
    print(f'{m.get("url", "")}:{m.get("lastLine", "")}: {m.get("type")}: {m.get("message")}')
PY
)
else
  out=$(java -jar "$jar" --errors-only --skip-non-html "$site" 2>&1) || status=$?
fi
if [ -n "$out" ]; then
  printf '%s\n' "$out"
fi
count=$(printf '%s\n' "$out" | grep -c ': error:' || true)
if [ "$status" -ne 0 ]; then
  echo "vnu: $count errors in $site (exit $status)"
  exit 1
fi
echo "vnu: 0 errors in $site"
