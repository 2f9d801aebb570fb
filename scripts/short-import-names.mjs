// Gives the wasm's imports short names, in the module and in each glue that
// provides them: `node scripts/short-import-names.mjs DIR...`, where each DIR
// holds wasm-bindgen's `abridge_bg.wasm` and `abridge.js` (run after
// wasm-bindgen and scripts/inline-snippets.mjs, before wasm-opt).
//
// wasm-bindgen names each import after its function plus a 16-digit hash
// (`__wbg_get_2080c49015e35254`), so that snippets of different crates never
// clash. The names are written twice, in the module's import section and as
// keys of the glue's import object, and the hashes do not compress: 0.9 KiB of
// the gzipped wasm + web glue. The same import gets the same short name in
// every DIR (they come from the same module), so the web and node modules stay
// byte for byte the same.
import fs from "node:fs";
import path from "node:path";
import { reader } from "./wasm-reader.mjs";

const PREFIXES = ["__wbg_", "__wbindgen_"];

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error("usage: node scripts/short-import-names.mjs DIR...");
  process.exit(2);
}

/** `i` as a short identifier: a, b, ..., z, aa, ab, ... */
function shortName(i) {
  let name = "";
  do {
    name = String.fromCharCode(97 + (i % 26)) + name;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return "_" + name;
}

function unsignedLeb(n) {
  const bytes = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    bytes.push(byte);
  } while (n);
  return Buffer.from(bytes);
}

/** The module with its import names renamed, and the renaming. */
function renameImports(wasm) {
  const r = reader(wasm);
  const pieces = [wasm.subarray(0, 8)];
  const renamed = new Map();
  while (r.at < wasm.length) {
    const id = wasm[r.at++];
    const size = r.leb();
    const end = r.at + size;
    if (id !== 2) {
      pieces.push(wasm.subarray(r.at - 1 - unsignedLeb(size).length, end));
      r.at = end;
      continue;
    }
    const count = r.leb();
    const section = [unsignedLeb(count)];
    for (let i = 0; i < count; i++) {
      const moduleStart = r.at;
      const moduleLength = r.leb();
      r.at += moduleLength;
      const moduleName = wasm.subarray(moduleStart, r.at);
      const nameLength = r.leb();
      let name = wasm.subarray(r.at, r.at + nameLength).toString();
      r.at += nameLength;
      // The import's description: its kind, then a type index (function),
      // a table, a memory or a global type.
      const descriptionStart = r.at;
      const kind = wasm[r.at++];
      const limits = () => {
        const flags = r.leb();
        r.leb();
        if (flags & 1) r.leb();
      };
      if (kind === 0) r.leb();
      else if (kind === 1) {
        r.at++;
        limits();
      } else if (kind === 2) limits();
      else if (kind === 3) r.at += 2;
      else throw new Error(`import ${name}: unknown kind ${kind}`);
      const description = wasm.subarray(descriptionStart, r.at);
      if (PREFIXES.some((prefix) => name.startsWith(prefix))) {
        if (!renamed.has(name)) renamed.set(name, shortName(renamed.size));
        name = renamed.get(name);
      }
      const nameBytes = Buffer.from(name);
      section.push(moduleName, unsignedLeb(nameBytes.length), nameBytes, description);
    }
    if (r.at !== end) throw new Error("the import section did not end where its size says");
    const body = Buffer.concat(section);
    pieces.push(Buffer.from([2]), unsignedLeb(body.length), body);
  }
  return { wasm: Buffer.concat(pieces), renamed };
}

for (const dir of dirs) {
  const wasmPath = path.join(dir, "abridge_bg.wasm");
  const gluePath = path.join(dir, "abridge.js");
  const { wasm, renamed } = renameImports(fs.readFileSync(wasmPath));
  let glue = fs.readFileSync(gluePath, "utf8");
  // Longest first, so that no name is replaced inside a longer one.
  for (const [long, short] of [...renamed].sort((a, b) => b[0].length - a[0].length)) {
    // Each name is a key of the glue's import object (`name: function`), and
    // not also an export the glue calls as `wasm.name`.
    if (!glue.includes(`${long}: function`)) throw new Error(`${gluePath}: no import ${long}`);
    if (glue.includes(`.${long}`)) throw new Error(`${gluePath}: ${long} is used as a property`);
    glue = glue.split(long).join(short);
  }
  fs.writeFileSync(wasmPath, wasm);
  fs.writeFileSync(gluePath, glue);
}
