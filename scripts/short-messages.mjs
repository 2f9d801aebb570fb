// Shortens the warnings wasm-bindgen writes into the web glue:
// `node scripts/short-messages.mjs FILE` (run on the web glue before esbuild).
//
// Three sentences of advice, 150 bytes of the gzipped glue: every page that
// loads abridge downloads them, and they are seen only when it is served with
// the wrong MIME type or initialized the deprecated way. Each keeps its advice
// in fewer words. A message that is not found (another wasm-bindgen) is
// reported and left alone; `make size` shows what that costs.
import fs from "node:fs";

const MESSAGES = [
  [
    '"`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n"',
    '"abridge: serve the .wasm as application/wasm to load it faster:"',
  ],
  [
    "'using deprecated parameters for `initSync()`; pass a single object instead'",
    '"abridge: deprecated; call initSync({ module })"',
  ],
  [
    "'using deprecated parameters for the initialization function; pass a single object instead'",
    '"abridge: deprecated; call init({ module_or_path })"',
  ],
];

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/short-messages.mjs FILE");
  process.exit(2);
}
let glue = fs.readFileSync(file, "utf8");
for (const [long, short] of MESSAGES) {
  if (glue.includes(long)) glue = glue.replaceAll(long, short);
  else console.warn(`${file}: message not found, left as it is: ${long.slice(0, 60)}...`);
}
fs.writeFileSync(file, glue);
