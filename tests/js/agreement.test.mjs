// Native/wasm agreement: for every fixture, summarize() in wasm gives what the
// CLI's `--format json` gives (same sentences and offsets, same selection,
// numbers equal to 1e-6). Needs the release CLI (make build); ABRIDGE_BIN
// overrides its path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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

// The segmenter's hand-written cases: short texts in 24 languages and their
// scripts (Cyrillic, Greek, Armenian, Arabic, Devanagari, Ethiopic, Myanmar,
// Han, kana, ...), which the fixtures above do not cover. Whatever the wasm
// build leaves out or zeroes (scripts/stub-panics.mjs,
// scripts/forget-dead-data.mjs) must not be something these read.
test("wasm equals the CLI's --format json on texts in 24 languages", () => {
  const lines = readFileSync(join(root, "tests/fixtures/sentences-by-hand.jsonl"), "utf8").trim().split("\n");
  const known = new Set(["en", "de", "fr", "es", "it", "pt", "nl", "ru", "zh", "ja", "ko"]);
  const languages = new Set();
  for (const line of lines) {
    const { lang, text } = JSON.parse(line);
    // A language the library has no data for is left to the detector.
    const flags = known.has(lang) ? ["--language", lang] : [];
    const options = known.has(lang) ? { sentences: 2, language: lang } : { sentences: 2 };
    const native = JSON.parse(
      execFileSync(cli, ["--format", "json", "--sentences", "2", ...flags], { input: text, encoding: "utf8" }),
    );
    assert.equal(difference(summarize(text, options), native), null, `${lang}: ${text}`);
    languages.add(lang);
  }
  assert.ok(languages.size >= 20, `${languages.size} languages`);
});
