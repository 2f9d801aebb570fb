# abridge: build and test entry points. Long recipes live in scripts/.
#
#   make setup   toolchain: wasm32 target, wasm-bindgen CLI, chromium, npm packages (idempotent)
#   make build   the release CLI (target/release/abridge)
#   make wasm    the npm package in pkg/ (web + node builds, wasm-opt -Oz)
#   make test    everything CI checks (what .ci/run runs)
#   make demo    a summary of the built-in sample, then the page on http://127.0.0.1:8000
#   make site    the deployable static folder site/ and the single file dist/abridge.html
#   make size    raw / gzip -9 / brotli sizes of the wasm and the JS glue, and where the bytes go
#   make bench   native throughput, then the same inputs through the wasm in Node, then
#                the adversarial inputs' times
#   make bench-web  first summary and re-summarize latency of the page in Chromium
#   make eval    the evaluation (scripts/eval.sh)
#   make eval-web  how well the CLI reads saved web pages (scripts/eval_web.py)

SHELL := /bin/bash
.DEFAULT_GOAL := build
.PHONY: setup build wasm site test demo serve size bench bench-web eval eval-web clean distclean

setup:
	scripts/setup.sh

build:
	cargo build --release --locked

wasm: setup
	scripts/build-wasm.sh

test: setup
	scripts/test.sh

demo: setup build site
	target/release/abridge --sample
	$(MAKE) serve

site: wasm
	node scripts/site.mjs

# Serves what `make site` built (application/wasm for the module).
serve:
	node scripts/serve-site.mjs 8000

size: wasm
	node scripts/size.mjs

bench: wasm
	scripts/bench.sh

bench-web: site
	node scripts/bench-web.mjs

eval:
	scripts/eval.sh

# How well the CLI reads saved web pages (needs ../shared/eval's setup).
eval-web: build
	python3 scripts/eval_web.py

clean:
	rm -rf pkg dist
	cargo clean

distclean: clean
	rm -rf node_modules
