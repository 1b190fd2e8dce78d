# shellcheck shell=bash
# Sourced by the launchers after jdk.sh. Builds a module (and what it needs) when its jar is
# missing or older than any source file, POM or sample model, so a fresh clone just works.

sembridge_module_jar() {
  # `|| true`: no jar yet is an answer, not a failure (the launchers run with pipefail).
  { ls "$root/$1"/target/sembridge-"$1"-*.jar 2>/dev/null || true; } | { grep -v -e sources -e tests || true; } | head -n 1
}

sembridge_ensure_built() {
  local module=$1 jar
  jar=$(sembridge_module_jar "$module")
  if [ -z "$jar" ] || [ ! -f "$root/$module/target/runtime-classpath.txt" ] \
     || [ -n "$(find "$root/pom.xml" "$root/engine/pom.xml" "$root/engine/src/main" \
                     "$root/$module/pom.xml" "$root/$module/src/main" -newer "$jar" -print -quit)" ] \
     || { [ "$(uname -sm)" = "Linux x86_64" ] && [ ! -e "$root/engine/target/natives/libopenblas.so" ]; }; then
    echo "Building $module (first run or sources changed)..." >&2
    (cd "$root" && ./mvnw -B -q --no-transfer-progress -pl "$module" -am package -DskipTests >&2) \
      || { echo "error: the build failed; run bin/test for details." >&2; exit 4; }
    sembridge_train_class_archive "$module"
  fi
}

# Makes the class-data-sharing archive of a freshly built module by running one short command
# with -XX:ArchiveClassesAtExit (the CLI's `info` on the sample model; the workbench needs a
# display, so its archive is made by -XX:+AutoCreateSharedArchive when it first exits). A failure
# here only costs start-up time: the launcher's AutoCreateSharedArchive makes the archive later.
sembridge_train_class_archive() {
  local module=$1 archive="$root/$1/target/sembridge-$1.jsa"
  rm -f "$archive"
  [ "$module" = engine ] || return 0
  [ -d "$root/sample-models/splade-tiny-en" ] || return 0
  (sembridge_native_library_path
   "$JAVA_HOME/bin/java" "${SEMBRIDGE_JVM_FLAGS[@]}" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off,aot=off \
     -cp "$(sembridge_classpath engine)" org.sembridge.engine.cli.SemBridgeCli \
     info --model "$root/sample-models/splade-tiny-en" >/dev/null 2>&1) || true
}

sembridge_classpath() {
  echo "$(sembridge_module_jar "$1"):$(cat "$root/$1/target/runtime-classpath.txt")"
}

# OpenBLAS/ARPACK unpacked by engine/pom.xml (Linux x86-64); Smile dlopens them by bare name,
# so the folder must be on LD_LIBRARY_PATH before the JVM starts.
sembridge_native_library_path() {
  if [ -e "$root/engine/target/natives/libopenblas.so" ]; then
    export LD_LIBRARY_PATH="$root/engine/target/natives${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  fi
}
