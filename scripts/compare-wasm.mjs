// Compares two builds of the package in Node on the same inputs, for deciding
// whether a change to the wasm is worth its bytes.
//
//   node scripts/compare-wasm.mjs PKG_A PKG_B [FILE ...]
//
// PKG_A and PKG_B are package directories (`PKG_DIR=/tmp/a make wasm`, or
// `PKG_DIR=/tmp/a scripts/build-wasm.sh`); the FILEs default to the inputs
// `make bench` writes to target/bench-inputs, except the 10 MB one. Each
// input: both builds warmed up, then ROUNDS (default 30, env ABRIDGE_ROUNDS)
// rounds of three calls of each, the order flipped every round, and the
// median over the rounds of B's best over A's best. The host's speed moves
// by half within minutes, so the best of all runs can compare a fast phase of
// one build with a slow phase of the other; a ratio per round compares them in
// the same phase.
//
// Each build runs in a worker thread of its own, so in a V8 isolate and heap of
// its own: in one heap the two builds' glue would share object shapes, and how
// one build's glue builds its objects (a property that once held a double
// stays a boxed double) would slow the other's down too. The workers take
// turns; the time is taken inside them.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve, basename } from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { root } from "../tests/js/common.mjs";

const options = { sentences: 10 };

if (!isMainThread) {
  // A worker: one build; asked for an input, warms up or times `runs` calls
  // and answers with the best time in milliseconds.
  const require = createRequire(import.meta.url);
  const { summarize } = require(join(workerData, "node/abridge.js"));
  const texts = new Map();
  parentPort.on("message", ({ file, runs }) => {
    if (!texts.has(file)) texts.set(file, readFileSync(file, "utf8"));
    const text = texts.get(file);
    let best = Infinity;
    if (runs === 0) {
      const start = Date.now();
      while (Date.now() - start < 1500) summarize(text, options);
    }
    for (let run = 0; run < runs; run++) {
      const start = process.hrtime.bigint();
      summarize(text, options);
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    }
    parentPort.postMessage(best);
  });
} else {
  await main();
}

async function main() {
  const [pkgA, pkgB, ...files] = process.argv.slice(2);
  if (!pkgA || !pkgB) {
    console.error("usage: node scripts/compare-wasm.mjs PKG_A PKG_B [FILE ...]");
    process.exit(2);
  }
  const rounds = Number(process.env.ABRIDGE_ROUNDS ?? 30);
  const workers = [pkgA, pkgB].map(
    (dir) => new Worker(new URL(import.meta.url), { workerData: resolve(dir) }),
  );
  // One question at a time per worker: its answer settles `pending[which]`.
  const pending = [];
  workers.forEach((worker, which) => {
    worker.on("message", (best) => pending[which].done(best));
    worker.on("error", (error) => pending[which].fail(error));
  });
  const ask = (which, file, runs) =>
    new Promise((done, fail) => {
      pending[which] = { done, fail };
      workers[which].postMessage({ file, runs });
    });

  let inputs = files.map((file) => resolve(file));
  if (inputs.length === 0) {
    const dir = join(root, "target/bench-inputs");
    if (!existsSync(dir)) {
      console.error("no FILE given and no target/bench-inputs (run `make bench` once)");
      process.exit(2);
    }
    inputs = readdirSync(dir)
      .filter((name) => name.endsWith(".txt") && !name.includes("-10-0-mb"))
      .sort()
      .map((name) => join(dir, name));
  }

  const quantile = (sorted, q) => sorted[Math.floor(q * (sorted.length - 1))];

  console.log(`B = ${pkgB}, A = ${pkgA}: summarize(${JSON.stringify(options)}), ${rounds} rounds\n`);
  console.log("| input | best A | best B | B / A (median) | quartiles |");
  console.log("|---|---:|---:|---:|---:|");
  for (const file of inputs) {
    await ask(0, file, 0);
    await ask(1, file, 0);
    const best = [Infinity, Infinity];
    const ratios = [];
    for (let round = 0; round < rounds; round++) {
      const roundBest = [Infinity, Infinity];
      for (const which of round % 2 ? [1, 0] : [0, 1]) {
        roundBest[which] = await ask(which, file, 3);
        best[which] = Math.min(best[which], roundBest[which]);
      }
      ratios.push(roundBest[1] / roundBest[0]);
    }
    ratios.sort((x, y) => x - y);
    const ms = (t) => (t < 1 ? `${(t * 1000).toFixed(0)} µs` : `${t.toFixed(2)} ms`);
    console.log(
      `| ${basename(file)} | ${ms(best[0])} | ${ms(best[1])} | ${quantile(ratios, 0.5).toFixed(3)} | ` +
        `${quantile(ratios, 0.25).toFixed(3)}–${quantile(ratios, 0.75).toFixed(3)} |`,
    );
  }
  for (const worker of workers) await worker.terminate();
}
