#!/usr/bin/env bash
# Fuzz deeprg's file readers and the checkpoint container with Jazzer (coverage-guided), one target after another.
#   tools/fuzz.sh SECONDS [TARGET...]     e.g. tools/fuzz.sh 60 fuzzNpz fuzzCheckpoint
# SECONDS is passed as jazzer.max_duration; Jazzer 0.24 takes each @FuzzTest's maxDuration (60 s) instead, so a longer
# campaign is several runs (the corpus in .cifuzz-corpus/ grows from run to run).
# Targets are the @FuzzTest methods of deeprg-core/src/test/java/org/deeprg/io/IoFuzzTest.java (default: all).
# A finding (an exception other than InvalidInputException, an OutOfMemoryError, a timeout) fails the run and is saved
# as a regression input under deeprg-core/src/test/resources/org/deeprg/io/IoFuzzTestInputs/<target>/, which every
# `mvn verify` then replays. The generated corpus stays in .cifuzz-corpus/ (not committed; copy inputs that reach
# new code into the regression directory by hand).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  mapfile -t TARGETS < <(grep -o 'void fuzz[A-Za-z]*' deeprg-core/src/test/java/org/deeprg/io/IoFuzzTest.java | cut -d' ' -f2)
fi
status=0
for t in "${TARGETS[@]}"; do
  echo "fuzzing $t for ${SECONDS_PER_TARGET}s" >&2
  JAZZER_FUZZ=1 mvn -q -B -o -pl deeprg-core surefire:test -Dtest="IoFuzzTest#$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="${SECONDS_PER_TARGET}s" -Djunit.jupiter.execution.timeout.mode=disabled \
    -Dsurefire.reportsDirectory=target/fuzz-reports || status=1
done
exit $status
