#!/usr/bin/env bash
# Reading-editor benchmark (issue 5): keypress-to-pixels latency p50/p95 for the next image (1024² CXR14 PNG,
# real chest DICOMs) and the 48-image contact-sheet page time. Prints a table; a benchmark, never a test.
# Runs the editor in Equinox with the bundles of the UI test runtime, so run the UI tests once first:
#   ./lightbox test -pl features/org.lightbox.feature,tests/org.lightbox.ui.tests -am
# JVM options: BENCH_OPTS (default -Xmx4g, as ./lightbox launches the workbench); BENCH_LOG keeps the log.
# Needs an X display (uses xvfb-run when DISPLAY is unset) and ../shared/data.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
SHARED=$(cd "${1:-$ROOT/../shared}" && pwd)
CONFIG="$ROOT/tests/org.lightbox.ui.tests/target/work/configuration/config.ini"
[ -f "$CONFIG" ] || { echo "run the UI tests first (they leave the test runtime in $CONFIG)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/configuration"
cp "$CONFIG" "$tmp/configuration/config.ini"
framework=$(sed -n 's/^osgi.framework=file\\:\(.*\)$/\1/p' "$CONFIG")
run=()
[ -n "${DISPLAY:-}" ] || run=(xvfb-run -a -s "-screen 0 1600x1000x24")
"${run[@]}" "$JAVA_HOME/bin/java" ${BENCH_OPTS:--Xmx4g} -Dlightbox.shared="$SHARED" -jar "$framework" -configuration "file:$tmp/configuration/" \
  -data "$tmp/workspace" -application org.lightbox.ui.readingBench 2>"${BENCH_LOG:-$tmp/log}" \
  | grep -v '^!' || { cat "$tmp/log" >&2; exit 1; }
