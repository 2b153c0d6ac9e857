#!/usr/bin/env bash
# Fuzzes the language's path (parse -> validate -> lower -> run), the compiled-program reader, the kernel-log reader and
# the capture reader with
# Jazzer's own driver, for longer than the build's 60 s:
#   tools/fuzz.sh [SECONDS_PER_TARGET] [pipeline|program-json|kernel-log|capture|all]     (default: 300 all, i.e. 20 minutes)
# Findings (crash-*, timeout-* files) land in target/fuzz/; copy one into
# dsl/src/test/resources/org/dmaworkbench/dsl/fuzz/<PipelineFuzzTest|ProgramJsonFuzzTest|KernelLogFuzzTest|CaptureFuzzTest>Inputs/<method>/
# to make it a regression test of the normal build. Exits non-zero when a target found something.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-300}
which=${2:-all}
export JAVA_HOME=${JAVA_HOME:-$("$root/tools/find-jdk.sh")}
cd "$root"
mkdir -p target/fuzz
# offline first (fast, no network); online when the local repository lacks a plugin or dependency (a fresh machine)
build() {
  ./mvnw -B -q "$@" -pl runtime,dsl test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/fuzz.classpath >target/fuzz/build.log 2>&1
}
if ! build -o && ! build; then
  grep -E "ERROR" target/fuzz/build.log | head -n 20 >&2
  echo "fuzz.sh: the build failed; the whole log is in target/fuzz/build.log" >&2
  exit 2
fi
cp="dsl/target/test-classes:dsl/target/classes:$(cat dsl/target/fuzz.classpath)"
status=0
run() { # $1 = short name, $2 = target class
  local dir="target/fuzz/$1"
  mkdir -p "$dir/corpus"
  echo "fuzz.sh: $1 for ${seconds}s (findings in $dir)"
  (cd "$dir" && "$JAVA_HOME/bin/java" -XX:+EnableDynamicAgentLoading -Xmx1g -Ddmas.examples="$root/examples" \
      -Ddmas.captures="$root/runtime/src/test/resources/captures" -cp "$cp" \
      com.code_intelligence.jazzer.Jazzer --target_class="$2" --instrumentation_includes='org.dmaworkbench.**' \
      --keep_going=100 -max_total_time="$seconds" -timeout=90 -rss_limit_mb=3072 corpus) || status=1
}
cp=$(cd "$root" && echo "$cp" | sed "s#\(^\|:\)dsl/#\1$root/dsl/#g")
case "$which" in
  pipeline|all) run pipeline org.dmaworkbench.dsl.fuzz.PipelineFuzzTarget ;;&
  program-json|all) run program-json org.dmaworkbench.dsl.fuzz.ProgramJsonFuzzTarget ;;&
  kernel-log|all) run kernel-log org.dmaworkbench.dsl.fuzz.KernelLogFuzzTarget ;;&
  capture|all) run capture org.dmaworkbench.dsl.fuzz.CaptureFuzzTarget ;;
esac
exit $status
