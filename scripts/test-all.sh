#!/usr/bin/env bash
# Runs every test of the project: Rust (fmt, clippy, unit, vectors, integration),
# the differential tests against the official implementations (Python, Java),
# the bindings and the C programs. Each stage reports; the last line sums them up.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
passed=0
failed=0
failed_names=()

stage() {
  local name=$1
  shift
  echo "::: stage $name: $*"
  if "$@"; then
    passed=$((passed + 1))
    echo "::: stage $name: ok"
  else
    failed=$((failed + 1))
    failed_names+=("$name")
    echo "::: stage $name: FAILED"
  fi
}

stage rust-fmt cargo fmt --all -- --check
stage rust-clippy cargo clippy --workspace --all-targets --locked -- -D warnings
stage rust-test cargo test --workspace --locked
# The README's "try it" command: every provider end to end against the emulator.
stage try-it cargo run -q --locked -p cnvision-examples --bin try_it

# Python tests (differential against ctyun-python-sdk-core, huaweicloudsdkcore, gmssl).
if compgen -G "tests/differential/test_*.py" >/dev/null; then
  stage py-differential python3 -m pytest -q tests/differential
fi

# Java interop against BouncyCastle.
if [ -f tests/interop/java/pom.xml ]; then
  stage java-interop mvn -q -B -f tests/interop/java/pom.xml test
fi

for extra in scripts/test-*.d/*.sh; do
  [ -e "$extra" ] || continue
  stage "$(basename "$extra" .sh)" bash "$extra"
done

echo
if [ "$failed" -ne 0 ]; then
  echo "failed stages: ${failed_names[*]}"
fi
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
