#!/usr/bin/env bash
# `make test` (after `make setup`): everything CI checks, in order, stopping at the first failure.
#
#   native: rustfmt, clippy (native and wasm32), cargo test --release (unit, integration, doc),
#           rustdoc with warnings as errors
#   wasm:   the npm package (make wasm), wasm-bindgen-test in Node and in headless Chromium
#   JS:     node --test tests/js (API, offsets, errors, determinism, native/wasm agreement)
#           and tests/e2e (npm pack -> install -> tsc, esbuild, Vite 7 -> Chromium)
#   page:   tests/page (the site in Chromium: summary, highlights, offline, file://, axe-core)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Big inputs (20 MB strings) take a while in a debug-free but busy browser.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-600}

started=$SECONDS
step() { printf '\n== test: %s (%ds)\n' "$*" $((SECONDS - started)); }

step "rustfmt"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --locked --all-targets -- -D warnings

step "clippy (wasm32: the bindings and their tests)"
cargo clippy --locked --target wasm32-unknown-unknown --lib -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --profile test -- -D warnings

step "native tests: unit, integration, doc (release)"
cargo test --locked --release

step "rustdoc: no broken links or malformed documentation"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --quiet

step "release CLI (for the native/wasm agreement test)"
cargo build --locked --release

step "wasm package (pkg/)"
scripts/build-wasm.sh

# The bindings' wasm-bindgen tests are unit tests of the private `wasm` module,
# hence --lib. The same test binary runs in Node, then in Chromium (chromedriver).
step "wasm-bindgen-test in Node"
cargo test --locked --target wasm32-unknown-unknown --lib --release

step "wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 cargo test --locked --target wasm32-unknown-unknown --lib --release

step "JavaScript: node --test (package API and agreement; npm consumer in Chromium)"
node --test tests/js/ tests/e2e/

step "the page: site/ and dist/abridge.html, then its browser tests"
node scripts/site.mjs
node --test --test-concurrency=1 tests/page/

step "sizes (over the 100 KB budget fails)"
node scripts/size.mjs --summary --check

step "all passed"
