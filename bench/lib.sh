# Sourced by the bench/*.sh scripts: every harness is in the tests module (package
# org.sbi4j.bench, tests/src/test/java/org/sbi4j/bench), which depends on every other module.
# bench_classpath compiles it and its upstream modules and sets $cp to its test classpath.
# bench_surefire runs a JUnit harness (SparkBenchmark, …) through surefire: bench_surefire NAME
# [-Dprop=value …].
bench_classpath() {
  mvn -o -q -pl tests -am test-compile dependency:build-classpath \
    -Dmdep.outputFile='${project.build.directory}/bench-classpath.txt' -Dmdep.includeScope=test
  cp="tests/target/test-classes:tests/target/classes:$(cat tests/target/bench-classpath.txt)"
}

bench_surefire() {
  local name="$1"
  shift
  mvn -o -q -pl tests -am test -Dtest="$name" -Dsurefire.failIfNoSpecifiedTests=false "$@"
}

# bench_run THREADS HEAP CLASS [java options …] -- [arguments …]: builds the classpath (as
# bench_classpath), then replaces the shell with the harness CLASS on the Vector API, with
# OMP_NUM_THREADS=THREADS, -XmxHEAP and JavaCPP's debug log off.
bench_run() {
  local threads="$1" heap="$2" main="$3"
  shift 3
  local opts=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    opts+=("$1")
    shift
  done
  [ $# -gt 0 ] && shift
  bench_classpath
  export OMP_NUM_THREADS="$threads"
  exec java --add-modules jdk.incubator.vector -Xmx"$heap" \
    -Dorg.bytedeco.javacpp.logger.debug=false "${opts[@]}" -cp "$cp" "$main" "$@"
}
