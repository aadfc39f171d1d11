#!/usr/bin/env bash
# Cross-builds the JNI library for Android with cargo-ndk into the jniLibs layout:
#
#   bindings/java/target/jniLibs/arm64-v8a/libcnvision_jni.so
#   bindings/java/target/jniLibs/armeabi-v7a/libcnvision_jni.so
#   bindings/java/target/jniLibs/x86_64/libcnvision_jni.so
#
# Copy (or point `sourceSets.main.jniLibs.srcDirs` at) that directory in the Android app
# and add the cnvision jar; io.cnvision.internal.NativeLoader finds the library through
# System.loadLibrary("cnvision_jni").
#
# Needs: the Android NDK (r25 or newer; ANDROID_NDK_HOME set), `cargo install cargo-ndk`,
# and `rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android`.
# The emulator is left out (--no-default-features); TLS is rustls with bundled Mozilla
# roots (webpki-root-certs), so no system OpenSSL is needed.
#
# Usage: scripts/android-build.sh [--debug] [--api LEVEL] [--out DIR]
#   --api LEVEL  minimum Android API the .so files link against (default 24;
#                the Java API needs 26 for java.nio.file.Path media, else Media.ofFile)
set -euo pipefail
cd "$(dirname "$0")/.."

profile=--release
api=24
out=bindings/java/target/jniLibs
while [ $# -gt 0 ]; do
  case "$1" in
    --debug) profile= ;;
    --api) api=$2; shift ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

if [ -z "${ANDROID_NDK_HOME:-}" ] && [ -z "${ANDROID_NDK_ROOT:-}" ]; then
  echo "android-build: set ANDROID_NDK_HOME to the Android NDK (r25+)" >&2
  exit 1
fi
if ! cargo ndk --version >/dev/null 2>&1; then
  echo "android-build: cargo-ndk missing; run: cargo install cargo-ndk" >&2
  exit 1
fi
for t in aarch64-linux-android armv7-linux-androideabi x86_64-linux-android; do
  if ! rustup target list --installed | grep -qx "$t"; then
    echo "android-build: rust target $t missing; run: rustup target add $t" >&2
    exit 1
  fi
done

mkdir -p "$out"
# cargo-ndk maps -t ABI names to Rust targets and writes <out>/<abi>/libcnvision_jni.so.
cargo ndk \
  -t arm64-v8a -t armeabi-v7a -t x86_64 \
  --platform "$api" \
  -o "$out" \
  build -p cnvision-jni --locked --no-default-features $profile

for abi in arm64-v8a armeabi-v7a x86_64; do
  test -f "$out/$abi/libcnvision_jni.so" || { echo "android-build: $out/$abi/libcnvision_jni.so missing" >&2; exit 1; }
done
echo "android-build: jniLibs in $out"
