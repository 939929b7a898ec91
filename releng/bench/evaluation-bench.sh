#!/usr/bin/env bash
# Evaluation benchmark (issue 7): everything in org.lightbox.evaluation on the real DenseNet-121 predictions
# (22,433 images x 14 findings), and R's pROC on the same work in the same run when Rscript + pROC are installed
# (Debian: r-base-core r-cran-proc). Prints a table; a benchmark, never a test.
# Needs the compiled bundles and test fragment (./lightbox test, or ./mvnw verify -pl tests/org.lightbox.evaluation.tests -am).
# Usage: releng/bench/evaluation-bench.sh [SHARED_DATA_DIR] [RUNS]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/releng/setup.sh"
SHARED=${1:-$ROOT/../shared/data}
RUNS=${2:-15}
CLASSES="$ROOT/bundles/org.lightbox.evaluation/target/classes:$ROOT/bundles/org.lightbox.agreement/target/classes"
CLASSES="$CLASSES:$ROOT/tests/org.lightbox.evaluation.tests/target/classes"
[ -d "$ROOT/tests/org.lightbox.evaluation.tests/target/classes" ] || { echo "build first: ./lightbox test" >&2; exit 2; }
M2=${M2_REPO:-$HOME/.m2/repository}
jar() { ls "$M2/$1"/*/"$2"-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1; }
LIBS="$(jar org/apache/commons/commons-csv commons-csv):$(jar commons-io/commons-io commons-io):$(jar commons-codec/commons-codec commons-codec)"
"$JAVA_HOME/bin/java" -cp "$CLASSES:$LIBS" org.lightbox.evaluation.bench.EvaluationBench "$SHARED" "$RUNS"
