#!/usr/bin/env bash
# Prove that no core or command-line test reads the machine's calendar: run their test
# binaries again with the system clock started (and ticking) at dates far from the pinned
# UNION_LEDGER_TODAY — a month's first day, a 29 February and a 31 December.
# The window journeys are not run here: they pin the clock through the app itself.
# Usage: scripts/test-other-dates.sh [DATE ...]   (dates as "YYYY-MM-DD HH:MM:SS")
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is missing (apt-get install faketime)" >&2; exit 1; }

dates=("$@")
[ ${#dates[@]} -gt 0 ] || dates=("2027-03-01 08:00:00" "2028-02-29 12:00:00" "2031-12-31 09:00:00")

# Build once (with the real clock, so cargo's freshness checks are undisturbed) and list the
# test executables with the package folder each must run in.
list=$(cargo test -p union-ledger-core -p union-ledger-cli --no-run --message-format=json 2>/dev/null | python3 -c '
import json, os, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m.get("profile", {}).get("test"):
        print(os.path.dirname(m["manifest_path"]) + "\t" + m["executable"])
')
[ -n "$list" ] || { echo "no test binaries found" >&2; exit 1; }

failed=0
for d in "${dates[@]}"; do
  echo "==> core and CLI tests with the machine clock at $d (ticking)"
  while IFS=$'\t' read -r dir exe; do
    # DONT_FAKE_MONOTONIC keeps timeouts and back-offs on real time.
    if ! (cd "$dir" && DONT_FAKE_MONOTONIC=1 faketime -f "@$d" "$exe" -q >/tmp/ul-faketime.log 2>&1); then
      echo "FAILED at $d: $exe"; tail -40 /tmp/ul-faketime.log; failed=1
    fi
  done <<<"$list"
done
if [ $failed -ne 0 ]; then
  echo "0 passed, 1 failed: some test depends on the machine's date"
  exit 1
fi
echo "core and CLI tests pass at ${#dates[@]} other machine dates"
