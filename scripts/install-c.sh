#!/usr/bin/env bash
# Builds the C library in release mode and installs it into PREFIX:
#   PREFIX/lib/libcnvision.{so,a}
#   PREFIX/include/cnvision.h, cnvision.hpp
#   PREFIX/lib/pkgconfig/cnvision.pc
#   PREFIX/lib/cmake/cnvision/cnvisionConfig.cmake (+ ConfigVersion)
# Usage: scripts/install-c.sh PREFIX
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 PREFIX" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
mkdir -p "$1"
prefix=$(cd "$1" && pwd)

cargo build --release --locked -p cnvision-ffi
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')

version=$(sed -n 's/^#define CNVISION_VERSION "\(.*\)"$/\1/p' include/cnvision.h)
major=$(sed -n 's/^#define CNVISION_VERSION_MAJOR \([0-9]*\)$/\1/p' include/cnvision.h)
minor=$(sed -n 's/^#define CNVISION_VERSION_MINOR \([0-9]*\)$/\1/p' include/cnvision.h)
# What a Rust staticlib needs from the system on Linux/glibc
# (`rustc --print native-static-libs`).
native="-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc"
native_cmake=$(echo "$native" | sed 's/ /;/g')

install -d "$prefix/lib/pkgconfig" "$prefix/lib/cmake/cnvision" "$prefix/include"
install -m 0755 "$target_dir/release/libcnvision.so" "$prefix/lib/"
install -m 0644 "$target_dir/release/libcnvision.a" "$prefix/lib/"
install -m 0644 include/cnvision.h include/cnvision.hpp "$prefix/include/"
subst() {
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@VERSION@|$version|g" \
      -e "s|@VERSION_MAJOR@|$major|g" -e "s|@VERSION_MINOR@|$minor|g" \
      -e "s|@NATIVE_LIBS@|$native|g" -e "s|@NATIVE_LIBS_CMAKE@|$native_cmake|g" "$1" >"$2"
}
subst ffi/pkg/cnvision.pc.in "$prefix/lib/pkgconfig/cnvision.pc"
subst ffi/pkg/cnvisionConfig.cmake.in "$prefix/lib/cmake/cnvision/cnvisionConfig.cmake"
subst ffi/pkg/cnvisionConfigVersion.cmake.in "$prefix/lib/cmake/cnvision/cnvisionConfigVersion.cmake"
echo "installed cnvision $version into $prefix"
