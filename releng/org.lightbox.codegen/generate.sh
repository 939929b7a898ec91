#!/usr/bin/env bash
# Regenerates bundles/org.lightbox.model/src-gen from model/lightbox.genmodel with the real EMF
# generator (org.eclipse.emf.codegen.ecore from Maven Central), headless, outside Eclipse.
#   releng/org.lightbox.codegen/generate.sh          merge into the current src-gen (keeps @generated NOT)
#   releng/org.lightbox.codegen/generate.sh clean    delete src-gen and generate from scratch
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:-merge}
case "$mode" in merge|clean) ;; *) echo "usage: $0 [merge|clean]" >&2; exit 2 ;; esac
export JAVA_HOME=${LIGHTBOX_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# Run from this folder: its own .mvn/ keeps Maven from loading the root's Tycho extension.
cd "$here"
exec flock /tmp/lightbox-build.lock "$root/mvnw" -B -q compile exec:java \
  -Dlightbox.bundle="$root/bundles/org.lightbox.model" -Dlightbox.mode="$mode"
