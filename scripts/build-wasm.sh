#!/usr/bin/env bash
# `make wasm`: the npm package in pkg/.
#
#   cargo (wasm32, profile `wasm`) -> wasm-bindgen --target web / nodejs
#   -> the JS snippets pasted into the glue (scripts/inline-snippets.mjs)
#   -> short import names (scripts/short-import-names.mjs)
#   -> panic entry points stubbed (scripts/stub-panics.mjs) -> wasm-opt -Oz
#   -> data nothing refers to zeroed (scripts/forget-dead-data.mjs)
#   -> pkg/package.json (pkg-template/package.json with Cargo.toml's version), README, LICENSE
#
# WASM_PROFILE=release|wasm picks the cargo profile (default: wasm, i.e. opt-level "z").
# WASM_OPT=0 skips wasm-opt (for comparing sizes).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

profile=${WASM_PROFILE:-wasm}
target_dir=${CARGO_TARGET_DIR:-$root/target}
out=${PKG_DIR:-$root/pkg}

# `cargo rustc` rather than `cargo build` for the linker's map of the module,
# which scripts/forget-dead-data.mjs reads (the module is the same either way).
map="$target_dir/wasm32-unknown-unknown/$profile/abridge.wasm.map"
# The map is written only when the crate links: without it, make cargo relink.
[ -f "$map" ] || touch src/lib.rs
cargo rustc --lib --locked --target wasm32-unknown-unknown --profile "$profile" -- -C link-arg=--Map="$map"
wasm="$target_dir/wasm32-unknown-unknown/$profile/abridge.wasm"

rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out/web" "$wasm"
wasm-bindgen --target nodejs --out-dir "$out/node" "$wasm"
node scripts/inline-snippets.mjs "$out/web" "$out/node"
# Short import names instead of wasm-bindgen's hashed ones: 0.9 KiB less gzip.
node scripts/short-import-names.mjs "$out/web" "$out/node"
# The package is "type": "module"; the nodejs build is CommonJS.
printf '{ "type": "commonjs" }\n' > "$out/node/package.json"

if [ "${WASM_OPT:-1}" != 0 ]; then
  # After wasm-bindgen, never before. Names and producers go. wasm-opt reads the
  # target_features section (rustc emits bulk memory etc. and wasm-opt must know)
  # and then drops it from its output: engines never read it (132 bytes).
  # wasm-bindgen writes the same module for both targets: optimize it once.
  #
  # -ocimfs 20: a function with one caller is inlined only when it is small.
  # -Oz inlines every such function, which makes the inlined pipeline one huge
  # function with thousands of locals: 4.7 KiB more gzipped (the raw size is
  # 3 KB smaller, but the code compresses worse) and 5% more instructions a call
  # in Node, as V8 optimizes a huge function worse than the pieces.
  #
  # --low-memory-unused: Rust never reads the first KiB (the far end of the
  # stack), so `load(p + k)` may become `load offset=k (p)`: 179 bytes less gzip.
  #
  # -Oz --converge -O3 -Oz: -Oz until nothing changes, then once more after
  # -O3's passes: 130 bytes less gzip than one -Oz, no slower in Node
  # (scripts/compare-wasm.mjs: 0.97-0.99 of the time), 7 s more to build.
  wasm_opt() {
    node_modules/.bin/wasm-opt -Oz --converge -O3 -Oz --one-caller-inline-max-function-size=20 \
      --low-memory-unused --strip-debug --strip-producers --strip-target-features "$1" -o "$1"
  }
  # First the panic entry points become bare traps (scripts/stub-panics.mjs:
  # the formatting behind them is 3.0 KB gzipped that can never be seen).
  # Last, the data that only removed code read becomes zeros
  # (scripts/forget-dead-data.mjs: the tables behind panic messages, 2.5 KB gzipped).
  if cmp -s "$out/web/abridge_bg.wasm" "$out/node/abridge_bg.wasm"; then
    node scripts/stub-panics.mjs "$out/web/abridge_bg.wasm"
    wasm_opt "$out/web/abridge_bg.wasm"
    node scripts/forget-dead-data.mjs "$wasm" "$map" "$out/web/abridge_bg.wasm"
    cp "$out/web/abridge_bg.wasm" "$out/node/abridge_bg.wasm"
  else
    node scripts/stub-panics.mjs "$out/web/abridge_bg.wasm" "$out/node/abridge_bg.wasm"
    wasm_opt "$out/web/abridge_bg.wasm"
    wasm_opt "$out/node/abridge_bg.wasm"
    node scripts/forget-dead-data.mjs "$wasm" "$map" "$out/web/abridge_bg.wasm" "$out/node/abridge_bg.wasm"
  fi
fi

# The web glue is what a page downloads: minified with esbuild (a dev dependency),
# 3.5 -> 2.4 KiB gzipped. Exported names, the wasm import names and the
# `new URL("abridge_bg.wasm", import.meta.url)` that bundlers look for stay as they
# are. The Node glue is left readable. Before that, wasm-bindgen's warnings in
# fewer words (scripts/short-messages.mjs: 89 bytes gzip).
node scripts/short-messages.mjs "$out/web/abridge.js"
node_modules/.bin/esbuild "$out/web/abridge.js" --minify --format=esm --target=es2020 \
  --log-level=warning --outfile="$out/web/abridge.min.js"
mv "$out/web/abridge.min.js" "$out/web/abridge.js"

node scripts/write-package.mjs "$out"
echo "pkg: $(cd "$out" && find . -type f | sort | tr '\n' ' ')"
