// `make bench`, second half: the wasm package in Node on the same inputs as the
// native benchmark (benches/throughput.rs: English news at 10 KB, 100 KB, 1 MB,
// 10 MB built from tests/fixtures with the same generator and seeds, plus 1 MB
// of German and of Chinese), summarize({ sentences: 10 }), best of 3-100 runs.
// The time includes what a JavaScript caller pays: copying the text in and
// building the result objects.
//
//   node scripts/bench-wasm.mjs [native-benchmark-executable]
//
// With the native benchmark's executable (make bench passes it), the native
// side is timed on the same input between the wasm's runs, in ten rounds, by
// one native process kept warm, and the best of each is compared: the host's speed moves by half within minutes,
// so timings taken minutes apart made the share swing by 30 points.
// ABRIDGE_BENCH_QUICK=1 skips 10 MB. ABRIDGE_PKG=dir benchmarks another build
// of the package.
//
// Also reports the wasm linear memory (`memory.buffer.byteLength`) after each
// input, its growth since the module was loaded as a multiple of the input
// (memory only grows, so inputs run smallest first), and the module's gzip size.
import { readFileSync, writeFileSync, rmSync, mkdtempSync, existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { root, pkgDir } from "../tests/js/common.mjs";

// The glue keeps the instance to itself: note its memory as it is created.
let memory;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = new Proxy(Instance, {
  construct(target, args) {
    const instance = Reflect.construct(target, args);
    memory ??= instance.exports.memory;
    return instance;
  },
});
const require = createRequire(import.meta.url);
const { summarize, version } = require(join(pkgDir, "node/abridge.js"));
WebAssembly.Instance = Instance;
const loaded = memory ? memory.buffer.byteLength : undefined;

const KB = 1 << 10;
const MB = 1 << 20;
const fixture = (name) => readFileSync(join(root, "tests/fixtures", name), "utf8");

// xorshift64*, exactly as in benches/throughput.rs.
const MASK = (1n << 64n) - 1n;
class Rng {
  constructor(seed) { this.s = BigInt(seed) & MASK; }
  next() {
    let s = this.s;
    s ^= s >> 12n;
    s ^= (s << 25n) & MASK;
    s ^= s >> 27n;
    this.s = s;
    return (s * 0x2545f4914f6cdd1dn) & MASK;
  }
  shuffle(items) {
    for (let i = items.length - 1; i >= 1; i--) {
      const j = Number(this.next() % BigInt(i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
  }
}

function build(articles, bytes, seed) {
  const rng = new Rng(seed);
  const parts = [];
  let length = 0;
  const order = articles.map((_, i) => i);
  while (length < bytes) {
    rng.shuffle(order);
    for (const i of order) {
      if (length >= bytes) break;
      const paragraphs = articles[i].split("\n\n").map((p) => p.trim()).filter((p) => p !== "");
      const keep = Math.min(paragraphs.length, 2);
      const body = paragraphs.slice(keep);
      rng.shuffle(body);
      for (const p of [...paragraphs.slice(0, keep), ...body]) {
        parts.push(p, "\n\n");
        length += Buffer.byteLength(p) + 2;
      }
    }
  }
  return parts.join("");
}

// As many runs as the native benchmark (benches/throughput.rs, runs_for).
const runsFor = (bytes) => (bytes <= 16 * KB ? 100 : bytes <= 128 * KB ? 30 : bytes <= 2 * MB ? 15 : 3);
const size = (bytes) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.round(bytes / KB)} KB`);
const time = (s) => (s >= 1 ? `${s.toFixed(2)} s` : s >= 1e-3 ? `${(s * 1e3).toFixed(2)} ms` : `${Math.round(s * 1e6)} µs`);

const quick = process.env.ABRIDGE_BENCH_QUICK === "1";
const news = ["news-bridge.txt", "news-storm.txt", "news-earnings.txt", "news-glacier.txt", "news-marathon.txt"].map(fixture);
const english = (bytes) => [`English news ${size(bytes)}`, build(news, bytes, 0x5eed + bytes)];
// The 10 MB input runs last: the garbage of its result (85 k sentence
// objects) slowed every later call until V8 collected it (German 1 MB took
// 61 ms a call right after it, 36 ms before it or after a full collection).
const inputs = [
  ...[10 * KB, 100 * KB, MB].map(english),
  ["German news 1 MB", build([fixture("news-de.txt")], MB, 0xde)],
  ["Chinese news 1 MB", build([fixture("news-zh.txt")], MB, 0x2f)],
  // A row for real text when scripts/bench.sh has one (see benches/throughput.rs).
  ...(process.env.ABRIDGE_BENCH_REAL
    ? [[basename(process.env.ABRIDGE_BENCH_REAL, ".txt").replaceAll("-", " "), readFileSync(process.env.ABRIDGE_BENCH_REAL, "utf8")]]
    : []),
  ...(quick ? [] : [english(10 * MB)]),
];

// The native side: the benchmark executable serving timings (ABRIDGE_BENCH_SERVE),
// one warm process for the whole run, idle while the wasm runs.
const nativeBin = process.argv[2];
if (nativeBin && !existsSync(nativeBin)) throw new Error(`no native benchmark at ${nativeBin}`);
const scratch = nativeBin ? mkdtempSync(join(tmpdir(), "abridge-bench-")) : undefined;
const server = nativeBin
  ? spawn(nativeBin, [], { env: { ...process.env, ABRIDGE_BENCH_SERVE: "1" }, stdio: ["pipe", "pipe", "inherit"] })
  : undefined;
const answers = server && createInterface({ input: server.stdout })[Symbol.asyncIterator]();
async function nativeBest(file, runs) {
  server.stdin.write(`${runs} ${file}\n`);
  const { value, done } = await answers.next();
  const seconds = Number(value);
  if (done || !(seconds > 0)) throw new Error(`native timing failed: ${value}`);
  return seconds;
}
const ROUNDS = 10;

// V8 first runs wasm through its baseline compiler and tiers hot functions up
// to the optimizing one as they run: warm up for about a second so that every
// row measures optimized code, as the native benchmark does.
const warmup = inputs[1][1];
for (const started = Date.now(); Date.now() - started < 1500; ) summarize(warmup, { sentences: 10 });

console.log(
  `abridge ${version()} wasm in Node ${process.version} (${pkgDir}) — summarize({ sentences: 10 }), best of 3–100 runs` +
    (nativeBin ? `;\nnative timed in the same ${ROUNDS} rounds, alternating with the wasm on each input (${nativeBin})\n` : "\n"),
);
console.log("| input | size | native | wasm | native MB/s | wasm MB/s | wasm / native | wasm memory | growth × input |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
const growths = [];
const shares = [];
for (const [name, text] of inputs) {
  const bytes = Buffer.byteLength(text);
  const check = summarize(text, { sentences: 10 });
  if (check.stats.sentencesOut !== 10) throw new Error(`${name}: ${check.stats.sentencesOut} sentences`);
  // A third of a second of this input first: the code only German's letters
  // or Chinese bigrams reach tiers up too (the first German row ran 51 ms a
  // call where a warm process takes 37 ms).
  for (const started = Date.now(); Date.now() - started < 300; ) summarize(text, { sentences: 10 });
  const file = scratch && join(scratch, "input.txt");
  if (file) writeFileSync(file, text);
  const perRound = Math.ceil(runsFor(bytes) / ROUNDS);
  let best = Infinity;
  let nat = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    if (file) nat = Math.min(nat, await nativeBest(file, perRound));
    for (let run = 0; run < perRound; run++) {
      const started = process.hrtime.bigint();
      summarize(text, { sentences: 10 });
      best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
  const share = file ? nat / best : undefined;
  if (share) shares.push(share);
  const held = memory?.buffer.byteLength;
  const growth = held === undefined ? undefined : (held - loaded) / bytes;
  if (growth !== undefined) growths.push([name, bytes, held, growth]);
  const mbs = (seconds) => (bytes / MB / seconds).toFixed(1);
  console.log(
    `| ${name} | ${size(bytes)} | ${file ? time(nat) : "–"} | ${time(best)} | ${file ? mbs(nat) : "–"} | ${mbs(best)} | ${share ? `${Math.round(100 * share)}%` : "–"} | ${held === undefined ? "–" : size(held)} | ${growth === undefined ? "–" : `${growth.toFixed(1)}×`} |`,
  );
}
server?.stdin.end();
if (scratch) rmSync(scratch, { recursive: true, force: true });
if (growths.length) {
  // The largest input grows the memory the most: that is its peak.
  const [name, bytes, held] = growths.reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(
    `\nwasm memory: ${size(loaded)} when loaded, ${size(held)} after ${name}: grew by ${((held - loaded) / bytes).toFixed(1)}× that input (memory never shrinks; smaller inputs ran first).`,
  );
}
const wasmFile = join(pkgDir, "node/abridge_bg.wasm");
if (existsSync(wasmFile)) {
  const raw = readFileSync(wasmFile);
  console.log(`wasm module: ${(raw.length / KB).toFixed(1)} KB, ${(gzipSync(raw, { level: 9 }).length / KB).toFixed(1)} KB with gzip -9.`);
}
if (shares.length) {
  const low = Math.min(...shares);
  console.log(`\nwasm reaches ${Math.round(100 * low)}–${Math.round(100 * Math.max(...shares))}% of native throughput (target ≥ 50%).`);
} else {
  console.log("\n(no native numbers: pass the native benchmark's executable to compare)");
}
