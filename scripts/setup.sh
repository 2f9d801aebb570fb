#!/usr/bin/env bash
# `make setup`: everything the build and the tests need, installed only when missing.
# Safe to run again: on a machine that has it all it takes a few seconds.
# See /work/shared/TOOLCHAIN.md (or the repo's notes) for why each step is done this way.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n== setup: %s\n' "$*"; }

step "rust targets and components"
rustup target add wasm32-unknown-unknown
rustup component add rustfmt clippy

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock,
# or it refuses the module ("schema version" mismatch).
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null || true)
have_runner=$(wasm-bindgen-test-runner --version 2>/dev/null || true)
if [ "$have" = "wasm-bindgen $wbg" ] && [ -n "$have_runner" ]; then
  step "wasm-bindgen-cli $wbg: present"
else
  step "wasm-bindgen-cli $wbg: installing (found: ${have:-none}); a source build of 2-7 min"
  # --locked fails on this registry (a pinned dependency is missing), so fall back
  # to a fresh resolution that respects our rustc.
  cargo install wasm-bindgen-cli --version "$wbg" --locked --force \
    || CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback \
       cargo install wasm-bindgen-cli --version "$wbg" --force
  wasm-bindgen --version
fi

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  step "chromium and chromedriver: present"
else
  step "chromium and chromedriver: installing from Debian"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium chromium-driver
fi

# npm ci rewrites node_modules/.package-lock.json; redo it when the lock is newer.
if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] \
   && [ ! package.json -nt node_modules/.package-lock.json ]; then
  step "npm packages: up to date"
else
  step "npm packages: installing"
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund
  else
    npm install --no-audit --no-fund
  fi
fi
