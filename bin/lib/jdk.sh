# shellcheck shell=bash
# Sourced by the launchers. Finds a JDK >= 25 and exports JAVA_HOME, or explains and exits.
# Order: $JAVA_HOME, `java` on PATH, then every JDK under /usr/lib/jvm (newest first).

sembridge_java_major() {
  # Prints the feature version of the java binary given as $1 (17, 25, ...), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

sembridge_find_jdk() {
  local candidates=() home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r home; do candidates+=("$home"); done \
      < <(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d | sort -rV)
  fi
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(sembridge_java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export JAVA_HOME="$home"
      return 0
    fi
  done
  {
    echo "error: SemBridge needs a JDK 25 or newer, and none was found."
    echo "  looked at: \$JAVA_HOME (${JAVA_HOME:-unset}), javac on PATH, /usr/lib/jvm/*"
    echo "  fix: install one (for example Temurin 25) and set JAVA_HOME to it."
  } >&2
  exit 3
}

# JVM flags for every launcher (see shared stack notes: native access, Lucene's vector module,
# DJL must never try to download libtorch).
SEMBRIDGE_JVM_FLAGS=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
  -Dai.djl.offline=true -Xss4m)
