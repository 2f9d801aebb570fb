// Native/wasm agreement: for every fixture, summarize() in wasm gives what the
// CLI's `--format json` gives (same sentences and offsets, same selection,
// numbers equal to 1e-6). Needs the release CLI (make build); ABRIDGE_BIN
// overrides its path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fixtures, pkgDir, root } from "./common.mjs";

const require = createRequire(import.meta.url);
const { summarize } = require(join(pkgDir, "node/abridge.js"));
const cli =
  process.env.ABRIDGE_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "release/abridge");

/** Deep equality, numbers within `tolerance`; returns the first difference's path. */
function difference(a, b, path = "$", tolerance = 1e-6) {
  if (typeof a === "number" && typeof b === "number") {
    return Math.abs(a - b) <= tolerance || (Number.isNaN(a) && Number.isNaN(b)) ? null : `${path}: ${a} vs ${b}`;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${path}: array vs not`;
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${path}[${i}]`, tolerance);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = Object.keys(a);
    const d = difference(keys, Object.keys(b), `${path} keys`);
    if (d) return `${d} (${keys} vs ${Object.keys(b)})`;
    for (const k of keys) {
      const d = difference(a[k], b[k], `${path}.${k}`, tolerance);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

// [CLI flags, the same as JS options]
const OPTION_SETS = [
  [[], undefined],
  [["--sentences", "1"], { sentences: 1 }],
  [["--sentences", "6"], { sentences: 6 }],
  [["--ratio", "0.3"], { ratio: 0.3 }],
  [["--words", "80"], { words: 80 }],
  [["--chars", "400"], { chars: 400 }],
  [["--redundancy", "0.9", "--sentences", "5"], { redundancy: 0.9, sentences: 5 }],
  [["--redundancy", "0", "--ratio", "1"], { redundancy: 0, ratio: 1 }],
  [["--language", "und"], { language: "und" }],
];

test("the release CLI is built", () => {
  assert.ok(existsSync(cli), `no CLI at ${cli}: run make build (or set ABRIDGE_BIN)`);
});

for (const { path, name, text } of fixtures()) {
  test(`wasm equals the CLI's --format json: ${name}`, () => {
    let selectedSomewhere = 0;
    for (const [flags, options] of OPTION_SETS) {
      const native = JSON.parse(execFileSync(cli, ["--format", "json", ...flags, path], { encoding: "utf8", maxBuffer: 256 << 20 }));
      const wasm = summarize(text, options);
      const label = `${name} ${flags.join(" ") || "(defaults)"}`;
      // The essentials first, for a readable failure.
      assert.deepEqual(
        wasm.sentences.map((s) => [s.start, s.end, s.text]),
        native.sentences.map((s) => [s.start, s.end, s.text]),
        `${label}: sentences`,
      );
      assert.deepEqual(
        wasm.sentences.map((s) => s.selected),
        native.sentences.map((s) => s.selected),
        `${label}: selection`,
      );
      for (const s of wasm.sentences) assert.equal(text.slice(s.start, s.end), s.text, label);
      assert.equal(difference(wasm, native), null, label);
      selectedSomewhere += wasm.stats.sentencesOut;
    }
    assert.ok(selectedSomewhere > 0);
  });
}
