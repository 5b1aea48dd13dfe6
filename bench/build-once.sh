# Sourced by the benchmark scripts (from the project's root): builds the jar, its lib/ and the test classes with
# `mvn package -DskipTests` when they are missing, when the class named by $1 is absent, or when a source or a
# pom changed since the last build made here. Then moves into the service module (the benchmarks find the jar
# as target/leadrouter.jar, as its tests do) and sets BENCH_CP, the class path of the benchmark classes.
svc=leadrouter-service
stamp=$svc/target/.benchmark-build
needs_build=false
if [[ ! -f "$stamp" || ! -f $svc/target/leadrouter.jar || ! -d $svc/target/lib \
      || ! -f "$svc/target/test-classes/org/leadrouter/bench/$1.class" ]]; then
    needs_build=true
elif [[ -n "$(find leadrouter-*/src pom.xml leadrouter-*/pom.xml -newer "$stamp" -type f -print -quit)" ]]; then
    needs_build=true
fi
if $needs_build; then
    echo "building (mvn -B -q package -DskipTests)..." >&2
    mvn -B -q package -DskipTests
    touch "$stamp"
fi
cd "$svc"
# the sandbox's fault knobs (SandboxKnobs) are test code of the sandbox module, as are core's generators
BENCH_CP="target/test-classes:target/classes:target/lib/*:../leadrouter-testing/target/classes:../leadrouter-core/target/test-classes:../leadrouter-sandbox/target/test-classes"
