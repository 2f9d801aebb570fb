#!/usr/bin/env bash
# `make test` (after `make setup`): everything CI checks, in order, stopping at the first failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

started=$SECONDS
step() { printf '\n== test: %s (%ds)\n' "$*" $((SECONDS - started)); }

step "rustfmt"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --locked --all-targets -- -D warnings

step "native tests: unit, integration, doc (release)"
cargo test --locked --release

step "wasm package"
scripts/build-wasm.sh

step "all passed"
