#!/usr/bin/env bash
# Python binding: build and install cnvision into the current interpreter, then run
# its pytest suite (every catalog operation against the in-process emulator, every
# exception class, the shared vectors, 8 threads, stubtest + mypy --strict) and the
# generated-methods staleness check.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# A dev-profile wheel keeps CI fast; `pip install ./bindings/python` builds release.
maturin build --profile dev -i python3 -m bindings/python/Cargo.toml -o "$out" --locked
python3 -m pip install -q --force-reinstall --no-deps "$out"/cnvision-*.whl
python3 -c "import requests" 2>/dev/null || python3 -m pip install -q -r tests/requirements.txt
python3 bindings/python/scripts/gen_ops.py --check
python3 -m mypy.stubtest cnvision
python3 -m pytest -q bindings/python/tests
