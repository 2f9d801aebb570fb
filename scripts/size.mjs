// `make size`: raw, gzip -9 and brotli (quality 11) sizes of what a page or a
// Node program loads from pkg/, then where the bytes of the wasm go.
import { readFileSync, existsSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = process.argv[2] ?? join(root, "pkg");
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
const web = Buffer.concat([
  readFileSync(join(pkg, "web/abridge_bg.wasm")),
  readFileSync(join(pkg, "web/abridge.js")),
]);
// Transferred separately, so the total is the sum of the two compressed files.
const wasmRow = rows[0], glueRow = rows[1];
rows.push({
  label: "browser total: wasm + web glue",
  raw: wasmRow.raw + glueRow.raw,
  gzip: wasmRow.gzip + glueRow.gzip,
  brotli: wasmRow.brotli + glueRow.brotli,
});
void web;

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KiB";
console.log(`${"".padEnd(42)} ${"raw".padStart(11)} ${"gzip -9".padStart(11)} ${"brotli 11".padStart(11)}`);
for (const r of rows) {
  console.log(`${r.label.padEnd(42)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
}
const total = rows.at(-1).gzip;
console.log(
  `\ntarget: wasm + glue <= 100 KiB gzipped (stretch 60 KiB): ${(total / 1024).toFixed(1)} KiB -> ` +
    (total <= 60 * 1024 ? "meets the stretch goal" : total <= 100 * 1024 ? "meets the target" : "OVER the target"),
);

// Where the bytes go: sections, then the biggest functions (wasm-opt's metrics).
const wasmPath = join(pkg, "web/abridge_bg.wasm");
const bytes = readFileSync(wasmPath);
console.log("\nsections of the wasm:");
let at = 8;
const leb = () => {
  let result = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const names = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count", "tag"];
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const start = at;
  let name = names[id] ?? `id ${id}`;
  if (id === 0) {
    const len = leb();
    name = `custom "${bytes.subarray(at, at + len).toString()}"`;
  }
  console.log(`  ${name.padEnd(28)} ${String(size).padStart(8)} bytes  ${((100 * size) / bytes.length).toFixed(1).padStart(5)}%`);
  at = start + size;
}

try {
  const out = execFileSync(join(root, "node_modules/.bin/wasm-opt"), [wasmPath, "--func-metrics", "-o", "/dev/null"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Blocks look like: "func: NAME\n [binary-bytes]   : N\n ..."
  const funcs = [];
  for (const block of out.split(/\nfunc: /).slice(1)) {
    const name = block.split("\n", 1)[0];
    const size = Number(block.match(/\[binary-bytes\]\s*:\s*(\d+)/)?.[1] ?? 0);
    funcs.push({ name, size });
  }
  funcs.sort((a, b) => b.size - a.size);
  const code = funcs.reduce((s, f) => s + f.size, 0);
  console.log(`\nbiggest of ${funcs.length} functions (${code} bytes of code; names are gone after --strip-debug, see WASM_OPT=0 make size for named ones):`);
  for (const f of funcs.slice(0, 15)) console.log(`  ${String(f.size).padStart(7)}  ${f.name}`);
} catch (e) {
  console.log(`(wasm-opt --func-metrics failed: ${e.message.split("\n")[0]})`);
}
