#!/usr/bin/env bash
# Stage of scripts/test-all.sh: the Java binding's JUnit 5 tests. Maven builds the JNI
# library with Cargo (cargo build -p cnvision-jni), packs it under /native/{os}-{arch}/
# and runs every test against the in-process emulator; nothing reaches the internet.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec mvn -q -B -f bindings/java/pom.xml test
