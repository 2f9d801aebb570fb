// The npm package as Node sees it: require/import, the API, offsets, errors and
// determinism. Runs against pkg/ (make wasm).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pkgDir, trickyTexts, root } from "./common.mjs";

const require = createRequire(import.meta.url);
const cjs = require(join(pkgDir, "node/abridge.js"));
const esm = await import(pathToFileURL(join(pkgDir, "node/abridge.js")).href);
const web = await import(pathToFileURL(join(pkgDir, "web/abridge.js")).href);
web.initSync({ module: readFileSync(join(pkgDir, "web/abridge_bg.wasm")) });
const { summarize, segment, version } = cjs;

const NEWS = readFileSync(join(root, "samples/kim-beijing.txt"), "utf8");
const cargoVersion = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version\s*=\s*"([^"]+)"/m)[1];

test("require, import and the web build (initSync) expose the same functions", () => {
  for (const m of [cjs, esm, web]) {
    assert.equal(typeof m.summarize, "function");
    assert.equal(typeof m.segment, "function");
    assert.equal(typeof m.version, "function");
  }
  assert.equal(version(), cargoVersion);
  assert.deepEqual(esm.summarize(NEWS), summarize(NEWS));
  assert.deepEqual(web.summarize(NEWS, { ratio: 0.3 }), summarize(NEWS, { ratio: 0.3 }));
});

test("each kind of text reaches JavaScript by name, a conversation's too", () => {
  assert.equal(summarize("One sentence. Two sentences.").kind, "short");
  assert.equal(summarize(NEWS).kind, "news");
  const interview = readFileSync(join(root, "tests/fixtures/interview-harbour.txt"), "utf8");
  const r = summarize(interview, { sentences: 3 });
  assert.equal(r.kind, "conversation");
  // The speakers' labels are no keywords.
  assert.ok(!r.keywords.some((k) => k.text === "q" || k.text === "a"), JSON.stringify(r.keywords));
  assert.ok(r.sentences.filter((s) => s.selected).every((s) => !s.features.penalties.includes("question")));
});

test("package.json: name, version, exports", () => {
  const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  assert.equal(manifest.name, "abridge");
  assert.equal(manifest.version, cargoVersion);
  assert.equal(manifest.license, "MIT");
  assert.ok(manifest.exports["."].node);
  assert.ok(manifest.exports["./web"]);
  assert.deepEqual(manifest.files.sort(), ["LICENSE", "README.md", "node/", "web/"]);
});

// If these fail, the core's Report changed shape: update the TypeScript
// interfaces in src/wasm.rs (typescript_custom_section) and these lists.
const SHAPES = {
  summary: ["summary", "sentences", "keywords", "entities", "language", "kind", "stats"],
  sentence: ["text", "start", "end", "byteStart", "byteEnd", "paragraph", "kind", "words", "score", "selected", "features"],
  features: ["salience", "centrality", "entities", "position", "quality", "penalties"],
  keyword: ["text", "count", "score"],
  entity: ["text", "kind", "mentions", "weight"],
  stats: ["sentencesIn", "sentencesOut", "wordsIn", "wordsOut", "charsIn", "charsOut"],
  segment: ["text", "start", "end", "byteStart", "byteEnd", "paragraph", "kind"],
};

test("summarize returns plain objects of the documented shape", () => {
  const r = summarize(NEWS, { sentences: 3 });
  assert.equal(Object.getPrototypeOf(r), Object.prototype, "a plain object, not a Map");
  assert.deepEqual(Object.keys(r), SHAPES.summary);
  assert.deepEqual(Object.keys(r.sentences[0]), SHAPES.sentence);
  assert.deepEqual(Object.keys(r.sentences[0].features), SHAPES.features);
  assert.deepEqual(Object.keys(r.keywords[0]), SHAPES.keyword);
  assert.deepEqual(Object.keys(r.entities[0]), SHAPES.entity);
  assert.deepEqual(Object.keys(r.stats), SHAPES.stats);
  assert.deepEqual(Object.keys(segment(NEWS)[0]), SHAPES.segment);
  assert.equal(r.language, "en");
  assert.ok(["short", "news", "sectioned", "conversation"].includes(r.kind));
  const picked = r.sentences.filter((s) => s.selected);
  assert.equal(picked.length, 3);
  assert.equal(r.stats.sentencesOut, 3);
  assert.equal(r.stats.sentencesIn, r.sentences.length);
  assert.equal(r.summary, picked.map((s) => s.text).join(" "));
  for (const s of r.sentences) {
    assert.ok(Number.isFinite(s.score));
    assert.ok(Array.isArray(s.features.penalties));
    assert.ok(["sentence", "heading", "listItem", "code", "timestamp", "reference"].includes(s.kind));
  }
  // Every kind reaches JavaScript by name, a fenced code block's too.
  const md = "# Setup\n\nRun it once. Then wait.\n\n1. Open it.\n\n```sh\nmake demo\n```";
  assert.deepEqual(
    segment(md).map((s) => s.kind),
    ["heading", "sentence", "sentence", "listItem", "code"],
  );
  assert.deepEqual(
    segment("1\n00:00:01,000 --> 00:00:02,000\nHello there.\n\n0:03\nand on").map((s) => s.kind),
    ["timestamp", "sentence", "timestamp", "sentence"],
  );
  // Nothing that JSON cannot hold (Maps, undefined, bigints, NaN); -0 prints as 0.
  const json = JSON.stringify(r);
  assert.equal(JSON.stringify(JSON.parse(json)), json);
  assert.doesNotMatch(json, /null/);
});

test("each length option and knob", () => {
  const out = (o) => summarize(NEWS, o).stats;
  assert.equal(out({ sentences: 1 }).sentencesOut, 1);
  assert.equal(out({ sentences: 5 }).sentencesOut, 5);
  assert.equal(out({}).sentencesOut, 3);
  assert.equal(out(undefined).sentencesOut, 3);
  assert.equal(out(null).sentencesOut, 3);
  assert.equal(out({ sentences: undefined }).sentencesOut, 3);
  assert.ok(out({ words: 40 }).wordsOut <= 40);
  assert.ok(out({ chars: 300 }).charsOut <= 300);
  // The summary's text, spaces between its sentences too, holds a character budget
  // (a post of 280); when no sentence fits, it is the closest, not the best.
  for (const chars of [120, 280, 600]) assert.ok(summarize(NEWS, { chars }).summary.length <= chars, `chars ${chars}`);
  const shortest = Math.min(...summarize(NEWS).sentences.map((s) => s.text.length));
  assert.equal(summarize(NEWS, { chars: shortest - 1 }).summary.length, shortest);
  const all = out({ ratio: 1, redundancy: 0 });
  assert.equal(all.sentencesOut, all.sentencesIn - summarize(NEWS).sentences.filter((s) => s.kind === "heading").length);
  assert.deepEqual(out({ sentences: 1e12, redundancy: 0 }), out({ ratio: 1, redundancy: 0 }), "a huge count is everything");
  assert.equal(summarize(NEWS, { keywords: 0, entities: 0 }).keywords.length, 0);
  assert.equal(summarize(NEWS, { keywords: 2 }).keywords.length, 2);
  assert.equal(summarize(NEWS, { entities: 1 }).entities.length, 1);
  assert.equal(summarize(NEWS, { language: "de" }).language, "de");
  assert.equal(summarize(NEWS, { language: "German" }).language, "de");
  assert.equal(summarize(NEWS, { language: "pt-BR" }).language, "pt");
  assert.equal(summarize(NEWS, { language: "auto" }).language, "en");
});

test("offsets are UTF-16: text.slice(start, end) === sentence.text", () => {
  for (const [name, text] of Object.entries(trickyTexts)) {
    for (const sentences of [summarize(text, { ratio: 1 }).sentences, segment(text)]) {
      let previous = 0;
      for (const s of sentences) {
        assert.equal(text.slice(s.start, s.end), s.text, `${name}: ${JSON.stringify(s)}`);
        assert.ok(previous <= s.start && s.start < s.end && s.end <= text.length, name);
        assert.equal(Buffer.byteLength(text.slice(0, s.start).toWellFormed()), s.byteStart, name);
        previous = s.end;
      }
      // Only white space between sentences (and the "> " of a quoted reply).
      const rest = sentences.reduceRight((t, s) => t.slice(0, s.start) + t.slice(s.end), text);
      assert.match(rest, /^[\s\u200B\u202C>]*$/u, name);
    }
  }
  const r = summarize(trickyTexts.loneSurrogates, { ratio: 1, redundancy: 0 });
  assert.ok(r.summary.includes("\uD800"), "the summary keeps lone surrogates");
});

const LONG = "x".repeat(20_000_000);
const NONSENSE_TEXTS = [null, undefined, 0, 42, NaN, Infinity, -1, 1e12, true, [], ["a"], {}, { text: "a" }, () => "a", Symbol("s"), 10n, new String("boxed")];
const NONSENSE_OPTIONS = [
  [42, TypeError, /options/],
  ["sentences", TypeError, /options/],
  [LONG, TypeError, /options.*characters\)/],
  [[], TypeError, /options/],
  [[3], TypeError, /options/],
  [true, TypeError, /options/],
  [() => 3, TypeError, /options/],
  [Symbol("x"), TypeError, /options/],
  [NaN, TypeError, /options/],
  [{ nested: { junk: [1, { deeper: null }] } }, TypeError, /"nested"/],
  [{ sentence: 3 }, TypeError, /did you mean "sentences"/],
  [{ Sentences: 3 }, TypeError, /"Sentences"/],
  [{ [LONG]: 1 }, TypeError, /characters\)/],
  [{ sentences: null }, TypeError, /"sentences".*whole number ≥ 1/],
  [{ sentences: "3" }, TypeError, /"sentences"/],
  [{ sentences: [3] }, TypeError, /"sentences"/],
  [{ sentences: { n: 3 } }, TypeError, /"sentences"/],
  [{ sentences: 3n }, TypeError, /"sentences"/],
  [{ sentences: NaN }, RangeError, /"sentences" must be a whole number ≥ 1, got NaN/],
  [{ sentences: Infinity }, RangeError, /"sentences".*Infinity/],
  [{ sentences: -Infinity }, RangeError, /"sentences"/],
  [{ sentences: -1 }, RangeError, /"sentences".*-1/],
  [{ sentences: 0 }, RangeError, /"sentences".*≥ 1/],
  [{ sentences: 2.5 }, RangeError, /"sentences"/],
  [{ sentences: 1e-300 }, RangeError, /"sentences"/],
  [{ words: -1e12 }, RangeError, /"words"/],
  [{ words: 0 }, RangeError, /"words"/],
  [{ chars: NaN }, RangeError, /"chars"/],
  [{ chars: "300" }, TypeError, /"chars"/],
  [{ ratio: 0 }, RangeError, /"ratio" must be a number in \(0, 1\]/],
  [{ ratio: -0.5 }, RangeError, /"ratio"/],
  [{ ratio: 1.0000001 }, RangeError, /"ratio"/],
  [{ ratio: NaN }, RangeError, /"ratio"/],
  [{ ratio: Infinity }, RangeError, /"ratio"/],
  [{ ratio: "0.5" }, TypeError, /"ratio"/],
  [{ redundancy: 2 }, RangeError, /"redundancy" must be a number in \[0, 1\]/],
  [{ redundancy: -1 }, RangeError, /"redundancy"/],
  [{ redundancy: NaN }, RangeError, /"redundancy"/],
  [{ redundancy: {} }, TypeError, /"redundancy"/],
  [{ keywords: -1 }, RangeError, /"keywords".*≥ 0/],
  [{ keywords: 1.5 }, RangeError, /"keywords"/],
  [{ keywords: Infinity }, RangeError, /"keywords"/],
  [{ entities: "all" }, TypeError, /"entities"/],
  [{ entities: NaN }, RangeError, /"entities"/],
  [{ language: 5 }, TypeError, /"language" must be a string/],
  [{ language: null }, TypeError, /"language"/],
  [{ language: ["en"] }, TypeError, /"language"/],
  [{ language: "klingon" }, RangeError, /"language" must be "auto" or one of en, de/],
  [{ language: "" }, RangeError, /"language"/],
  [{ language: LONG }, RangeError, /"language".*\(20000000 characters\)/],
  [{ sentences: 2, ratio: 0.5 }, TypeError, /"sentences" and "ratio" both set the length/],
  [{ words: 10, chars: 10 }, TypeError, /"words" and "chars"/],
  [{ sentences: 3, language: "en", bogus: 1, also: 2 }, TypeError, /unknown options "bogus", "also"/],
];

test("nonsense arguments throw TypeError or RangeError naming the option; the module keeps working", () => {
  const expected = summarize(NEWS);
  const check = () => assert.deepEqual(summarize(NEWS), expected);
  for (const text of NONSENSE_TEXTS) {
    for (const f of [summarize, segment]) {
      assert.throws(() => f(text), (e) => e instanceof TypeError && /text must be a string/.test(e.message), `${f.name}(${String(text)})`);
    }
    check();
  }
  for (const [options, Class, pattern] of NONSENSE_OPTIONS) {
    const label = (() => { try { return JSON.stringify(options)?.slice(0, 60) ?? String(options); } catch { return String(options); } })();
    assert.throws(
      () => summarize(NEWS, options),
      (e) => {
        assert.ok(e instanceof Class, `${label}: ${e.constructor.name}: ${e.message}`);
        assert.match(e.message, pattern, label);
        assert.ok(e.message.length < 400, `${label}: message of ${e.message.length} characters`);
        return true;
      },
      label,
    );
    check();
  }
  // segment takes only `language`.
  assert.throws(() => segment(NEWS, { sentences: 2 }), TypeError);
  assert.throws(() => segment(NEWS, { language: "xx" }), RangeError);
  assert.throws(() => segment(NEWS, 5), TypeError);
  // A getter that throws: its own error comes through.
  assert.throws(() => summarize(NEWS, { get ratio() { throw new SyntaxError("mine"); } }), SyntaxError);
  // A Proxy whose ownKeys trap throws.
  const proxy = new Proxy({}, { ownKeys() { throw new EvalError("trap"); } });
  assert.throws(() => summarize(NEWS, proxy), EvalError);
  check();
});

test("huge and odd texts do not trap", () => {
  const big = summarize(LONG); // one 20 MB "word": the segmenter may cut it in pieces
  assert.ok(big.sentences.length >= 1);
  assert.equal(big.sentences.at(-1).end, LONG.length);
  assert.ok(big.stats.sentencesOut >= 1);
  const parts = [];
  for (let i = 0; i < 50_000; i++) parts.push(`Sentence ${i} is about topic ${i % 97}.`);
  const r = summarize(parts.join(" "), { sentences: 2 }); // ~1.7 MB, 50,000 sentences
  assert.equal(r.stats.sentencesOut, 2);
  assert.equal(r.stats.sentencesIn, 50_000);
  // The same sentence over and over: the redundancy filter keeps one.
  assert.equal(summarize("Short one. ".repeat(20_000), { sentences: 2 }).stats.sentencesOut, 1);
  for (const text of ["\0\0\0", "\uFFFF\uFFFE", ".".repeat(100_000), "\n".repeat(100_000), "a. ".repeat(100_000), "😀".repeat(100_000)]) {
    const s = summarize(text, { ratio: 1 });
    for (const x of s.sentences) assert.equal(text.slice(x.start, x.end), x.text);
  }
  assert.deepEqual(summarize(NEWS), summarize(NEWS));
});

test("deterministic: the same input gives the same output, in any call order", () => {
  const a = JSON.stringify(summarize(NEWS, { ratio: 0.4 }));
  summarize(trickyTexts.cjk);
  summarize(LONG.slice(0, 100_000));
  assert.equal(JSON.stringify(summarize(NEWS, { ratio: 0.4 })), a);
  assert.equal(JSON.stringify(esm.summarize(NEWS, { ratio: 0.4 })), a);
  assert.equal(JSON.stringify(web.summarize(NEWS, { ratio: 0.4 })), a);
});
