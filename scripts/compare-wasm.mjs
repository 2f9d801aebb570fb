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
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve, basename } from "node:path";
import { root } from "../tests/js/common.mjs";

const [pkgA, pkgB, ...files] = process.argv.slice(2);
if (!pkgA || !pkgB) {
  console.error("usage: node scripts/compare-wasm.mjs PKG_A PKG_B [FILE ...]");
  process.exit(2);
}
const rounds = Number(process.env.ABRIDGE_ROUNDS ?? 30);
const require = createRequire(import.meta.url);
const builds = [pkgA, pkgB].map((dir) => require(join(resolve(dir), "node/abridge.js")));

let inputs = files;
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

const options = { sentences: 10 };
const quantile = (sorted, q) => sorted[Math.floor(q * (sorted.length - 1))];

console.log(`B = ${pkgB}, A = ${pkgA}: summarize(${JSON.stringify(options)}), ${rounds} rounds\n`);
console.log("| input | best A | best B | B / A (median) | quartiles |");
console.log("|---|---:|---:|---:|---:|");
for (const file of inputs) {
  const text = readFileSync(file, "utf8");
  for (const build of builds) {
    const start = Date.now();
    while (Date.now() - start < 1500) build.summarize(text, options);
  }
  const best = [Infinity, Infinity];
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    const roundBest = [Infinity, Infinity];
    for (const which of round % 2 ? [1, 0] : [0, 1]) {
      for (let run = 0; run < 3; run++) {
        const start = process.hrtime.bigint();
        builds[which].summarize(text, options);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        roundBest[which] = Math.min(roundBest[which], ms);
      }
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
