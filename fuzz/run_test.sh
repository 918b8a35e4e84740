#!/usr/bin/env bash
# Test of fuzz/run over a build folder of stand-in targets (shell scripts that print what
# libFuzzer prints): the summaries come in the order the targets were given, whichever ended
# first, a target that fails makes the run exit 1 and shows its error lines, and a clean run
# exits 0.
#   fuzz/run_test.sh SCRATCH_DIR
set -uo pipefail
scratch=${1:?usage: fuzz/run_test.sh SCRATCH_DIR}
run=$(cd "$(dirname "$0")" && pwd)/run
build=${scratch}/fuzz_run_test
rm -rf "${build}"
mkdir -p "${build}/fuzz/seeds"

# stand_in TARGET SLEEP EXIT: a target that takes SLEEP seconds and exits with EXIT.
stand_in() {
  cat >"${build}/fuzz/fuzz_$1" <<EOF
#!/bin/sh
sleep $2
echo "stat::number_of_executed_units: 12"
if [ $3 -ne 0 ]; then echo "==1==ERROR: AddressSanitizer: heap-use-after-free in $1"; fi
echo "#12 DONE cov: 5 $1"
exit $3
EOF
  chmod +x "${build}/fuzz/fuzz_$1"
}

fail() {
  echo "fuzz/run_test.sh: $*" >&2
  exit 1
}

stand_in read_txt 1 0    # given first, ends last
stand_in read_md 0 0
stand_in amounts 0 0
output=$("${run}" "${build}" 1 read_txt read_md amounts) || fail "a clean run exited $?"
expected="fuzz_read_txt: rc 0, 12 execs in 1 s; #12 DONE cov: 5 read_txt
fuzz_read_md: rc 0, 12 execs in 1 s; #12 DONE cov: 5 read_md
fuzz_amounts: rc 0, 12 execs in 1 s; #12 DONE cov: 5 amounts"
[ "${output}" = "${expected}" ] || fail "a clean run printed: ${output}"

stand_in read_md 0 1
output=$("${run}" "${build}" 1 read_txt read_md amounts)
rc=$?
[ "${rc}" -eq 1 ] || fail "a run with a failing target exited ${rc}"
echo "${output}" | grep -q "^fuzz_read_md: rc 1," || fail "the failing target's line: ${output}"
echo "${output}" | grep -q "ERROR: AddressSanitizer: heap-use-after-free in read_md" ||
  fail "the failing target's error is not shown: ${output}"
last="fuzz_amounts: rc 0, 12 execs in 1 s; #12 DONE cov: 5 amounts"
[ "$(echo "${output}" | tail -1)" = "${last}" ] || fail "the target after the failing one: ${output}"
echo "fuzz/run_test.sh: passed"
