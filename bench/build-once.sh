# Sourced by the benchmark scripts (from the project's root): builds the jar, its lib/ and the test classes with
# `mvn package -DskipTests` when they are missing, when the class named by $1 is absent, or when a source or the
# pom changed since the last build made here.
stamp=target/.benchmark-build
needs_build=false
if [[ ! -f "$stamp" || ! -f target/leadrouter.jar || ! -d target/lib \
      || ! -f "target/test-classes/org/leadrouter/bench/$1.class" ]]; then
    needs_build=true
elif [[ -n "$(find src pom.xml -newer "$stamp" -type f -print -quit)" ]]; then
    needs_build=true
fi
if $needs_build; then
    echo "building (mvn -B -q package -DskipTests)..." >&2
    mvn -B -q package -DskipTests
    touch "$stamp"
fi
