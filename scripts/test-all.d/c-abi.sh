#!/usr/bin/env bash
# The C ABI stage of scripts/test-all.sh:
#  1. install the release library into a temporary prefix (scripts/install-c.sh);
#  2. build examples/c with pkg-config and examples/cpp with CMake find_package;
#  3. start the emulator and run every example against it;
#  4. build tests/c/test_cnvision.c and run it plainly, under valgrind
#     (--leak-check=full --error-exitcode=1) and as an AddressSanitizer build;
#  5. check that the test program calls every function the header declares.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
tmp=$(mktemp -d)
emu_pid=""
cleanup() {
  if [ -n "$emu_pid" ]; then kill "$emu_pid" 2>/dev/null || true; wait "$emu_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

for tool in cc c++ pkg-config cmake valgrind; do
  command -v "$tool" >/dev/null || { echo "c-abi: $tool is not installed" >&2; exit 1; }
done

prefix="$tmp/prefix"
bash scripts/install-c.sh "$prefix"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
echo "c-abi: pkg-config cnvision $(pkg-config --modversion cnvision)"

cargo build --release --locked -q -p cnvision-emulator
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
"$target_dir/release/cnvision-emulator" --port 0 >"$tmp/emulator.out" 2>"$tmp/emulator.err" &
emu_pid=$!
base_url=""
for _ in $(seq 1 100); do
  base_url=$(sed -n 's/^listening \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$tmp/emulator.out" | head -n1)
  [ -n "$base_url" ] && break
  sleep 0.1
done
[ -n "$base_url" ] || { echo "c-abi: the emulator did not start" >&2; cat "$tmp/emulator.err" >&2; exit 1; }
echo "c-abi: emulator at $base_url"
public_key=$(python3 -c 'import json,sys,urllib.request; print(json.load(urllib.request.urlopen(sys.argv[1]))["sm2_public_key_spki_b64"])' "$base_url/__emulator/config")

media="$root/tests/fixtures/media"
image="$media/image_640x480_exif.jpg"

# Emulator test credentials (public test values; see emulator/src/config.rs).
export CTYUN_AK=emu0eop0ak0000000000000000000001
export CTYUN_SK=emu0eop0sk0000000000000000000001
export CTYUN_APP_KEY=emu0appkey00000000000000000000001
export CTYUN_ENVELOPE_PUBLIC_KEY="$public_key"
export HUAWEICLOUD_SDK_AK=EMUHUAWEIAK0000000001
export HUAWEICLOUD_SDK_SK=emuHuaweiSecretKey00000000000000000000001
export HUAWEICLOUD_SDK_PROJECT_ID=0e8b8c0a1f2d4e5f8a9b0c1d2e3f4a5b
export HUAWEICLOUD_SDK_REGION=cn-north-4
for gw in CTYUN_EOP CTYUN_AIOP CTYUN_2019 HUAWEI_IMAGE HUAWEI_IAM; do
  export "CNVISION_ENDPOINT_$gw=$base_url"
done
cat >"$tmp/config.json" <<JSON
{"endpoint": "$base_url",
 "ctyun_eop": {"ak": "$CTYUN_AK", "sk": "$CTYUN_SK", "app_key": "$CTYUN_APP_KEY"},
 "envelope_public_key": "$public_key",
 "huawei_aksk": {"ak": "$HUAWEICLOUD_SDK_AK", "sk": "$HUAWEICLOUD_SDK_SK"},
 "huawei_project_id": "$HUAWEICLOUD_SDK_PROJECT_ID", "huawei_region": "$HUAWEICLOUD_SDK_REGION"}
JSON

vg_full=(valgrind --leak-check=full --error-exitcode=1 --errors-for-leak-kinds=definite,indirect,possible)
vg=("${vg_full[@]}" -q)

# C examples (pkg-config), run plainly and under valgrind.
mkdir -p "$tmp/c"
make -s -C examples/c OUT="$tmp/c"
c_runs=(
  "hat_detect $image"
  "face_compare_envelope $image $image"
  "huawei_tagging $image"
)
for run in "${c_runs[@]}"; do
  set -- $run
  echo "c-abi: example C $1"
  "$tmp/c/$1" "${@:2}"
  "${vg[@]}" "$tmp/c/$1" "${@:2}" >/dev/null
done

# C++ examples (CMake find_package), run plainly and under valgrind.
cmake -S examples/cpp -B "$tmp/cpp" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$tmp/cpp" -j 2 >/dev/null
cpp_runs=(
  "hat_detect_cpp $tmp/config.json $image"
  "face_compare_envelope_cpp $tmp/config.json $image $image"
  "huawei_tagging_cpp $tmp/config.json $image"
)
for run in "${cpp_runs[@]}"; do
  set -- $run
  echo "c-abi: example C++ $1"
  "$tmp/cpp/$1" "${@:2}"
  "${vg[@]}" "$tmp/cpp/$1" "${@:2}" >/dev/null
done

# The header's functions must all be exercised by the test program.
missing=0
functions=$(sed -n 's/^[a-z0-9_ ]*[ *]\(cnvision_[a-z0-9_]*\)(.*/\1/p' include/cnvision.h)
for fn in $functions; do
  if ! grep -q "\b$fn(" tests/c/test_cnvision.c; then
    echo "c-abi: test_cnvision.c never calls $fn" >&2
    missing=1
  fi
done
[ "$missing" -eq 0 ]
echo "c-abi: test_cnvision.c calls all $(echo "$functions" | wc -l) functions the header declares"

# The C test program: plain, valgrind, AddressSanitizer (static library).
cflags=(-std=gnu11 -Wall -Wextra -Werror -g -O1 -I tests/c)
cc "${cflags[@]}" tests/c/test_cnvision.c -o "$tmp/test_cnvision" $(pkg-config --cflags --libs cnvision) \
  -Wl,-rpath,"$prefix/lib" -lpthread
echo "c-abi: test_cnvision (plain)"
"$tmp/test_cnvision" "$base_url" "$media"

echo "c-abi: test_cnvision (valgrind)"
vg_status=0
"${vg_full[@]}" --log-file="$tmp/valgrind.log" "$tmp/test_cnvision" "$base_url" "$media" >"$tmp/valgrind.out" || vg_status=$?
tail -n1 "$tmp/valgrind.out"
grep -E "ERROR SUMMARY|definitely lost|indirectly lost|possibly lost|still reachable|in use at exit|no leaks are possible" "$tmp/valgrind.log" | sed 's/^==[0-9]*== */c-abi: valgrind: /'
if [ "$vg_status" -ne 0 ]; then
  cat "$tmp/valgrind.out" "$tmp/valgrind.log" >&2
  exit 1
fi

# The checks have teeth: a program that leaks one cnvision string must be caught.
cc "${cflags[@]}" tests/c/leak_canary.c -o "$tmp/leak_canary" $(pkg-config --cflags --libs cnvision) -Wl,-rpath,"$prefix/lib"
if "${vg[@]}" "$tmp/leak_canary" >/dev/null 2>&1; then
  echo "c-abi: valgrind did not report the deliberate leak" >&2
  exit 1
fi
echo "c-abi: valgrind reports the deliberate leak of leak_canary"

echo "c-abi: test_cnvision (AddressSanitizer, static library)"
cc "${cflags[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer tests/c/test_cnvision.c \
  -o "$tmp/test_cnvision_asan" -I "$prefix/include" "$prefix/lib/libcnvision.a" \
  -lgcc_s -lutil -lrt -lpthread -lm -ldl
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  "$tmp/test_cnvision_asan" "$base_url" "$media" 2>"$tmp/asan.log" | tail -n1
if grep -qE "ERROR: (Address|Leak)Sanitizer|runtime error:" "$tmp/asan.log"; then
  cat "$tmp/asan.log" >&2
  exit 1
fi
cc "${cflags[@]}" -fsanitize=address -fno-omit-frame-pointer tests/c/leak_canary.c -o "$tmp/leak_canary_asan" \
  -I "$prefix/include" "$prefix/lib/libcnvision.a" -lgcc_s -lutil -lrt -lpthread -lm -ldl
if ASAN_OPTIONS=detect_leaks=1 "$tmp/leak_canary_asan" >/dev/null 2>"$tmp/canary.log" ||
  ! grep -q "ERROR: LeakSanitizer" "$tmp/canary.log"; then
  echo "c-abi: AddressSanitizer did not report the deliberate leak" >&2
  cat "$tmp/canary.log" >&2
  exit 1
fi
echo "c-abi: AddressSanitizer reports the deliberate leak of leak_canary"
echo "c-abi: AddressSanitizer (+UBSan) on test_cnvision: no reports"
echo "c-abi: ok"
