#!/usr/bin/env bash
# Imaging benchmark (issue 3): DICOM headers/s and decode+thumbnail/s on the shared real files, 1 and 2 threads,
# plus the full CXR14 v2020 label import through the CLI. Prints a table; a benchmark, never a test.
# Needs a built product (./lightbox builds it) and the compiled test fragment (./lightbox test or ./mvnw verify).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/releng/setup.sh"
SHARED=${1:-$ROOT/../shared/data}
PLUGINS="$ROOT/releng/org.lightbox.product/target/products/org.lightbox.product/linux/gtk/x86_64/lightbox/plugins"
CLASSES="$ROOT/tests/org.lightbox.imaging.dicom.tests/target/classes"
[ -d "$PLUGINS" ] && [ -d "$CLASSES" ] || { echo "build first: ./lightbox test" >&2; exit 2; }
log=$(mktemp)   # PixelMed logs every oddity of the (deliberately bad) shared files to stderr
"$JAVA_HOME/bin/java" -cp "$CLASSES:$PLUGINS/*" org.lightbox.imaging.dicom.bench.ImagingBench "$SHARED" 2>"$log" \
  || { cat "$log" >&2; exit 1; }
rm -f "$log"
tmp=$(mktemp -d)
"$ROOT/lightbox" new "$tmp/cxr14.lightbox" >/dev/null
start=$(date +%s%N)
"$ROOT/lightbox" import cxr14 "$tmp/cxr14.lightbox" "$SHARED/cxr14/Data_Entry_2017_v2020.csv.gz" --images "$SHARED/cxr14/images" 2>/dev/null
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf '%-44s %8s %10s %7d.%d s   (goal 120 s; JVM start included)\n' "CXR14 v2020 label import, 112,120 rows" 1 112120 $((ms / 1000)) $((ms % 1000 / 100))
rm -rf "$tmp"
