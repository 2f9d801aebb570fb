// Every export against hostile arguments: wrong types, wrong arity, undefined,
// huge values, lone surrogates. A call either answers or throws an Error subclass
// with a message (never a wasm trap, never a non-Error); after any error the
// module keeps working; and its memory does not grow across 10,000 calls.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pkgDir, root, trickyTexts } from "./common.mjs";

const require = createRequire(import.meta.url);
const node = require(join(pkgDir, "node/abridge.js"));
const wasmBytes = readFileSync(join(pkgDir, "web/abridge_bg.wasm"));
// A separate instance of the web build (its own module record, its own memory),
// so that its memory is measured without the other suites' allocations.
const webUrl = pathToFileURL(join(pkgDir, "web/abridge.js")).href;
const web = await import(`${webUrl}?robustness`);
const webExports = web.initSync({ module: wasmBytes });
assert.ok(webExports.memory instanceof WebAssembly.Memory, "initSync returns the wasm exports");

const NEWS = readFileSync(join(root, "samples/kim-beijing.txt"), "utf8");

const revoked = Proxy.revocable({}, {});
revoked.revoke();
const huge = [
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  2 ** 32,
  2 ** 53 + 1,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e308 * 10,
];
// Values of every JavaScript type, and some that are hard to inspect.
const odd = [
  undefined,
  null,
  true,
  0,
  -0,
  NaN,
  Infinity,
  42n,
  Symbol("s"),
  () => "text",
  {},
  [],
  ["a", "b"],
  new String("boxed"),
  new Uint8Array([72, 105]),
  new Date(0),
  /re/,
  new Map([["sentences", 3]]),
  Object.create(null),
  revoked.proxy,
  new Proxy({}, { ownKeys() { throw new Error("ownKeys trap"); } }),
  ...huge,
];
const options = [
  ...odd,
  ...huge.flatMap((n) => [{ sentences: n }, { words: n }, { chars: n }, { ratio: n }, { keywords: n }, { entities: n }, { redundancy: n }]),
  { language: "\uD800" },
  { language: "x".repeat(100_000) },
  { language: 42 },
  { sentences: 3, words: 3 },
  { "\uDC00": 1 },
  Object.defineProperty({}, "sentences", { enumerable: true, get() { throw new RangeError("getter"); } }),
];
const texts = [...odd, trickyTexts.loneSurrogates, "\uD800", "\uDC00\uD800".repeat(1000), "a\u0000b. c\uFFFF.", "\uD800".repeat(100_000)];

/** Calls `fn(...args)`: returns "ok" or "threw"; fails on a trap or a non-Error throw. */
function call(name, fn, args) {
  try {
    fn(...args);
    return "ok";
  } catch (e) {
    // User getters and traps may throw their own errors; those pass through as Errors too.
    assert.ok(e instanceof Error, `${name}: threw a non-Error ${String(e)}`);
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${name}: the wasm trapped: ${e.message}`);
    assert.ok(typeof e.message === "string" && e.message.length > 0, `${name}: an error without a message`);
    return "threw";
  }
}

function describe(v) {
  try {
    if (typeof v === "string") return v.length > 20 ? `string(${v.length})` : JSON.stringify(v);
    if (typeof v === "bigint" || typeof v === "symbol" || typeof v === "function") return String(v);
    return JSON.stringify(v) ?? String(v);
  } catch {
    try {
      return Object.prototype.toString.call(v);
    } catch {
      return `a ${typeof v} that cannot be inspected`; // a revoked proxy
    }
  }
}

for (const [label, m] of [["node", node], ["web", web]]) {
  const baseline = m.summarize(NEWS, { sentences: 2 });

  test(`${label}: a text that is not a string is a TypeError naming it`, () => {
    for (const fn of ["summarize", "segment"]) {
      for (const value of odd) {
        const args = [value];
        assert.throws(() => m[fn](...args), TypeError, `${fn}(${describe(value)})`);
        assert.throws(() => m[fn](...args), /text must be a string/, `${fn}(${describe(value)})`);
      }
      assert.throws(() => m[fn](), TypeError, `${fn}() without arguments`);
    }
  });

  test(`${label}: hostile options and texts either answer or throw an Error with a message; the module keeps working`, () => {
    let calls = 0;
    let threw = 0;
    for (const fn of ["summarize", "segment"]) {
      for (const o of options) {
        for (const t of [NEWS, "", "\uD800"]) {
          threw += call(`${fn}(text, ${describe(o)})`, m[fn], [t, o]) === "threw";
          calls++;
        }
      }
      for (const t of texts) {
        threw += call(`${fn}(${describe(t)})`, m[fn], [t]) === "threw";
        threw += call(`${fn}(${describe(t)}, {}, extra)`, m[fn], [t, {}, "extra", 1]) === "threw";
        calls += 2;
      }
      // Still works after every error, and gives the same answer as before.
      assert.deepEqual(m.summarize(NEWS, { sentences: 2 }), baseline, `${fn}: state changed`);
    }
    assert.equal(m.version("extra", {}), m.version());
    // Most of these are wrong, and were rejected.
    assert.ok(threw > calls / 2, `only ${threw} of ${calls} calls threw`);
  });

  test(`${label}: lone surrogates are text, not an error, and come back unchanged`, () => {
    for (const text of [trickyTexts.loneSurrogates, "\uD800", "Lone \uDBFF. Another \uDC00 here."]) {
      const r = m.summarize(text, { sentences: 5 });
      for (const s of r.sentences) assert.equal(s.text, text.slice(s.start, s.end));
      for (const s of m.segment(text)) assert.equal(s.text, text.slice(s.start, s.end));
    }
  });
}

test("wasm memory does not grow across 10,000 calls (successful and failing)", () => {
  const { memory } = webExports;
  const texts = [NEWS, trickyTexts.emoji, trickyTexts.loneSurrogates, trickyTexts.cjk, ""];
  const round = (i) => {
    const text = texts[i % texts.length];
    switch (i % 5) {
      case 0: return web.summarize(text, { sentences: 2 });
      case 1: return web.segment(text);
      case 2: return call("bad options", web.summarize, [text, { sentences: -1 }]);
      case 3: return call("bad text", web.segment, [42]);
      default: return call("unknown key", web.summarize, [text, { sentence: 3 }]);
    }
  };
  // Warm up: the allocator grows the memory to its working size once.
  for (let i = 0; i < 500; i++) round(i);
  const before = memory.buffer.byteLength;
  for (let i = 0; i < 10_000; i++) round(i);
  const after = memory.buffer.byteLength;
  assert.equal(after, before, `memory grew from ${before} to ${after} bytes`);
});

// A revoked proxy throws from Array.isArray and Object.keys. Uncaught inside the
// bindings, the exception would unwind through the wasm frames without restoring
// the shadow stack pointer, and after a few thousand such calls every call would
// trap (RuntimeError: unreachable).
test("revoked proxies, 5,000 times, do not poison the module", async () => {
  const fresh = await import(`${webUrl}?revoked`);
  fresh.initSync({ module: wasmBytes });
  const baseline = fresh.summarize(NEWS, { sentences: 2 });
  for (let i = 0; i < 5000; i++) {
    call("revoked text", fresh.summarize, [revoked.proxy]);
    call("revoked options", fresh.summarize, ["text", revoked.proxy]);
  }
  assert.deepEqual(fresh.summarize(NEWS, { sentences: 2 }), baseline);
});
