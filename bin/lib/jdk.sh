# shellcheck shell=bash
# Sourced by the launchers. Finds a JDK >= 25 and exports JAVA_HOME, or explains and exits.
# Order: $JAVA_HOME, `java` on PATH, then every JDK under /usr/lib/jvm (newest first).
# No JVM is started to find it: the version comes from the JDK's `release` file; only a JDK
# without one is asked (`java -XshowSettings`), once, and the answer is cached per java binary
# and its modification time in ${XDG_CACHE_HOME:-~/.cache}/sembridge/java-versions.

sembridge_java_major() {
  # Prints the feature version of the JDK whose home is $1 (17, 25, ...), or nothing.
  local home=$1 version cache key major
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n 1)
    case $version in
      1.*) version=${version#1.} ;;
    esac
    major=${version%%[!0-9]*}
    if [ -n "$major" ]; then
      echo "$major"
      return 0
    fi
  fi
  cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/sembridge/java-versions"
  key="$(readlink -f "$home/bin/java") $(stat -c %Y "$home/bin/java" 2>/dev/null || echo 0)"
  major=$( { grep -F "$key " "$cache" 2>/dev/null || true; } | head -n 1 | awk '{print $NF}')
  if [ -z "$major" ]; then
    major=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
    if [ -n "$major" ]; then
      mkdir -p "$(dirname "$cache")" 2>/dev/null && echo "$key $major" >>"$cache" 2>/dev/null || true
    fi
  fi
  echo "$major"
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
    major=$(sembridge_java_major "$home")
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
# Heap policy (README, "Memory"): the heap may grow to 40% of the machine's memory (3.2 GB on an
# 8 GB machine, 6.4 GB on 16 GB); the rest stays for libtorch's native tensors, OpenBLAS, JavaFX
# and the system. Without it the JVM takes a quarter of the memory and keeps what it took; with
# G1's periodic collection, heap left unused for a minute goes back to the system. Open runs are
# checked against this heap before they load (engine MemoryBudget). SEMBRIDGE_JAVA_OPTS comes
# later on the command line, so `SEMBRIDGE_JAVA_OPTS=-Xmx8g` overrides the percentage.
# Vector API kernels (engine encoder.VectorKernels: GELU, softmax exp, the decoder's max fold) run
# a hundred times slower than compiled until C2 compiles them; at the default thresholds that took
# the whole first batch of a small encoding job (docs/encoding-profile.md, "Which layers for which
# width"), so those methods are compiled after 1% of the usual invocations, and in the foreground
# (BackgroundCompilation false: the caller waits the ~0.2 s the compilation takes instead of going
# on uncompiled; under load the compilation queue made the 262k-vocabulary decoder fold run
# uncompiled for most of the first batch, allocating ~700 MB of boxed vectors). The Vector API's
# own methods get the same threshold, so that they are profiled by the time a kernel is compiled:
# without the receiver profile of `FloatVector.max`, C2 compiled the fold with virtual calls that
# box every vector (3.4 GB of garbage in the first batch). `quiet` keeps the JVM
# from echoing the command on stdout (into --json output).
SEMBRIDGE_JVM_FLAGS=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
  -Dai.djl.offline=true -Xss4m -XX:MaxRAMPercentage=40 -XX:G1PeriodicGCInterval=60000
  -XX:CompileCommand=quiet
  -XX:CompileCommand=CompileThresholdScaling,org.sembridge.engine.encoder.VectorKernels::*,0.01
  -XX:CompileCommand=BackgroundCompilation,org.sembridge.engine.encoder.VectorKernels::*,false
  -XX:CompileCommand=CompileThresholdScaling,jdk.incubator.vector.*::*,0.01)

# The one line the JVM prints before main for --add-modules jdk.incubator.vector (no option
# silences it); sembridge_exec_java drops exactly this line.
SEMBRIDGE_INCUBATOR_WARNING='WARNING: Using incubator modules: jdk.incubator.vector'

# Replaces the shell with the JVM: `sembridge_exec_java <module> <main class> <args...>`.
# - Class-data sharing: the archive <module>/target/sembridge-<module>.jsa (made after each build
#   by sembridge_ensure_built, re-made automatically by the JVM when the JDK or a jar changed)
#   holds the classes a run loads, parsed and verified, so start-up skips that work. Its messages
#   are off: the JDK's base archive was dumped without our --add-modules, so the JVM reports
#   (on stdout, into --json output) that it disables "optimized module handling", which is harmless.
# - Standard error: the real one is kept as descriptor 3, and descriptor 2 goes through a filter
#   that drops the incubator warning; main() then points 2 back at 3 (StandardErrorHandover), so
#   everything after start-up is written directly and in order.
sembridge_exec_java() {
  local module=$1 main=$2
  shift 2
  exec "$JAVA_HOME/bin/java" "${SEMBRIDGE_JVM_FLAGS[@]}" \
    -XX:SharedArchiveFile="$root/$module/target/sembridge-$module.jsa" -XX:+AutoCreateSharedArchive \
    -Xlog:cds=off,aot=off -Dsembridge.stderr.fd=3 ${SEMBRIDGE_JAVA_OPTS:-} \
    -Dsembridge.repo.root="$root" \
    -cp "$(sembridge_classpath "$module")" "$main" "$@" \
    3>&2 2> >(grep --line-buffered -v -x -F "$SEMBRIDGE_INCUBATOR_WARNING" >&2)
}
