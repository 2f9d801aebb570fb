// `make size`: raw, gzip -9 and brotli (quality 11) sizes of what a page or a
// Node program loads from pkg/, then where the bytes of the wasm go.
import { readFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { reader } from "./wasm-reader.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// node scripts/size.mjs [pkg-dir] [--summary] [--check]
//   --summary: the table only; --check: fail when wasm + web glue is over the budget
const args = process.argv.slice(2);
const summaryOnly = args.includes("--summary");
const pkg = args.find((a) => !a.startsWith("--")) ?? join(root, "pkg");
if (!existsSync(join(pkg, "package.json"))) {
  console.error(`no package at ${pkg}: run make wasm first`);
  process.exit(1);
}

const gzip = (b) => gzipSync(b, { level: 9 }).length;
const brotli = (b) =>
  brotliCompressSync(b, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: b.length,
    },
  }).length;
const sizes = (b) => ({ raw: b.length, gzip: gzip(b), brotli: brotli(b) });

const rows = [];
for (const [label, file] of [
  ["wasm (web and node builds are identical)", "web/abridge_bg.wasm"],
  ["JS glue, web (ES module)", "web/abridge.js"],
  ["JS glue, node (CommonJS)", "node/abridge.js"],
  ["types, web (.d.ts)", "web/abridge.d.ts"],
]) {
  rows.push({ label, ...sizes(readFileSync(join(pkg, file))) });
}
// Transferred separately, so the total is the sum of the two compressed files.
const wasmRow = rows[0], glueRow = rows[1];
rows.push({
  label: "browser total: wasm + web glue",
  raw: wasmRow.raw + glueRow.raw,
  gzip: wasmRow.gzip + glueRow.gzip,
  brotli: wasmRow.brotli + glueRow.brotli,
});

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KiB";
console.log(`${"".padEnd(42)} ${"raw".padStart(11)} ${"gzip -9".padStart(11)} ${"brotli 11".padStart(11)}`);
for (const r of rows) {
  console.log(`${r.label.padEnd(42)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
}
// The budget in thousands of bytes, the stricter reading of "100 KB".
const BUDGET = 100_000;
const STRETCH = 60_000;
const total = rows.at(-1).gzip;
console.log(
  `\ntarget: wasm + glue <= 100 KB gzipped (stretch 60 KB): ${total.toLocaleString("en")} bytes ` +
    `(${(total / 1024).toFixed(1)} KiB) -> ` +
    (total <= STRETCH ? "meets the stretch goal" : total <= BUDGET ? "meets the target" : "OVER the target"),
);
// `--check` (make test): over the budget fails the run.
if (args.includes("--check") && total > BUDGET) {
  console.error(`size: wasm + web glue is ${total} bytes gzipped, over the budget of ${BUDGET}`);
  process.exit(1);
}

if (summaryOnly) process.exit(0);

// Where the bytes go: sections, then the biggest functions (wasm-opt's metrics).
const wasmPath = join(pkg, "web/abridge_bg.wasm");
const bytes = readFileSync(wasmPath);
console.log("\nsections of the wasm:");
const r = reader(bytes);
const names = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count", "tag"];
while (r.at < bytes.length) {
  const id = bytes[r.at++];
  const size = r.leb();
  const start = r.at;
  let name = names[id] ?? `id ${id}`;
  if (id === 0) {
    const len = r.leb();
    name = `custom "${bytes.subarray(r.at, r.at + len).toString()}"`;
  }
  console.log(`  ${name.padEnd(28)} ${String(size).padStart(8)} bytes  ${((100 * size) / bytes.length).toFixed(1).padStart(5)}%`);
  r.at = start + size;
}

// Function sizes need names, which the package's wasm no longer has: run
// wasm-bindgen and wasm-opt -Oz again on cargo's output, keeping the names.
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const profile = process.env.WASM_PROFILE ?? "wasm";
const cargoWasm = join(targetDir, "wasm32-unknown-unknown", profile, "abridge.wasm");
try {
  const tmp = mkdtempSync(join(tmpdir(), "abridge-size-"));
  const run = (cmd, args) =>
    execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"] });
  run("wasm-bindgen", ["--target", "web", "--keep-debug", "--out-dir", tmp, cargoWasm]);
  run("node", [join(root, "scripts/stub-panics.mjs"), join(tmp, "abridge_bg.wasm")]);
  const wasmOpt = join(root, "node_modules/.bin/wasm-opt");
  run(wasmOpt, ["-Oz", "-g", join(tmp, "abridge_bg.wasm"), "-o", join(tmp, "named.wasm")]);
  const out = run(wasmOpt, [join(tmp, "named.wasm"), "-g", "--func-metrics", "-o", "/dev/null"]);
  rmSync(tmp, { recursive: true, force: true });
  const funcs = [];
  for (const block of out.split(/\nfunc: /).slice(1)) {
    const name = block.split("\n", 1)[0];
    const size = Number(block.match(/\[binary-bytes\]\s*:\s*(\d+)/)?.[1] ?? 0);
    funcs.push({ name, size });
  }
  funcs.sort((a, b) => b.size - a.size);
  const code = funcs.reduce((s, f) => s + f.size, 0);
  // By crate: the first path segment of the (demangled) name.
  const crates = new Map();
  for (const f of funcs) {
    const crate = f.name.match(/([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/)?.[1] ?? "(no path: shims, memcpy, ...)";
    crates.set(crate, (crates.get(crate) ?? 0) + f.size);
  }
  console.log(`\ncode by crate (${funcs.length} functions, ${code} bytes, before --strip-debug; inlined code counts for the caller):`);
  for (const [crate, size] of [...crates].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
    console.log(`  ${String(size).padStart(7)}  ${((100 * size) / code).toFixed(1).padStart(5)}%  ${crate}`);
  }
  console.log("\nbiggest functions:");
  for (const f of funcs.slice(0, 15)) console.log(`  ${String(f.size).padStart(7)}  ${f.name.slice(0, 110)}`);
} catch (e) {
  console.log(`\n(no function metrics: ${String(e.message).split("\n")[0]}; needs ${cargoWasm} from make wasm)`);
}
