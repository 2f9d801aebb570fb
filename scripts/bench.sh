#!/usr/bin/env bash
# `make bench`: the native benchmark, then the wasm package in Node on the same
# inputs, with wasm throughput as a share of native.
# ABRIDGE_BENCH_QUICK=1 skips the 10 MB input in both.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="${CARGO_TARGET_DIR:-$root/target}/bench-native.md"
mkdir -p "$(dirname "$out")"
cargo bench --locked --bench throughput | tee "$out"
echo
node scripts/bench-wasm.mjs "$out"
