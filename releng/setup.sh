#!/usr/bin/env bash
# One-time (idempotent) set-up for building, testing and running Lightbox on Debian.
# Sourced by ./lightbox; safe to run again. Installs what is missing when run as root.
set -euo pipefail

LIGHTBOX_ROOT=${LIGHTBOX_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
M2_REPO=${M2_REPO:-$HOME/.m2/repository}

say() { printf '[lightbox] %s\n' "$*" >&2; }

# --- Java 21 or newer (Temurin 25 on these machines; the default java may be 17) ---
find_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
           /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/javac" ] || continue
    v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
    if [ "${v%%.*}" -ge 21 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}

# --- Debian packages: GTK and Xvfb for the workbench and UI tests, PostgreSQL for panel tests,
#     PixelMed (DICOM) which is not on Maven Central ---
DEB_PACKAGES=(libgtk-3-0 xvfb xauth x11-apps imagemagick libpixelmed-java libpixelmed-imageio-java postgresql)
missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    say "missing Debian packages: ${missing[*]} (run as root once, or: sudo apt-get install ${missing[*]})"
  fi
fi

if ! JAVA_HOME=$(find_jdk); then
  if [ "$(id -u)" = 0 ] && apt-cache show openjdk-21-jdk-headless >/dev/null 2>&1; then
    apt-get install -y -qq --no-install-recommends openjdk-21-jdk-headless >&2
    JAVA_HOME=$(find_jdk)
  else
    say "no JDK 21 or newer found under /usr/lib/jvm; set JAVA_HOME to one"; exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# --- PixelMed into the local Maven repository, where the target platform's Maven location finds it ---
install_jar() { # file groupId artifactId version
  local file=$1 g=$2 a=$3 v=$4 dir
  dir="$M2_REPO/${g//.//}/$a/$v"
  [ -f "$dir/$a-$v.jar" ] && cmp -s "$file" "$dir/$a-$v.jar" && return 0
  [ -f "$file" ] || { say "missing $file (Debian package not installed?)"; return 1; }
  mkdir -p "$dir"
  cp "$file" "$dir/$a-$v.jar"
  cat > "$dir/$a-$v.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version>
  <description>Installed from Debian's $file by Lightbox releng/setup.sh</description>
</project>
POM
  say "installed $g:$a:$v into $M2_REPO"
}
install_jar /usr/share/java/pixelmed.jar com.pixelmed pixelmed 20220618
install_jar /usr/share/java/pixelmed_imageio.jar com.pixelmed pixelmed-imageio 20200328
