// `make wasm`, after wasm-bindgen: puts the JavaScript snippets of
// `#[wasm_bindgen(inline_js)]` into the glue that imports them, so each target
// stays one ES module (web) or one CommonJS file (node). wasm-bindgen writes
// them as separate ES modules, which the CommonJS glue cannot `require` and the
// single-file page (scripts/site.mjs) cannot inline.
//
//   node scripts/inline-snippets.mjs DIR...   (each DIR holds abridge.js and snippets/)
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const importLine = /^import \{ ([\w, ]+) \} from '(\.\/snippets\/[^']+)';\n/m;
const requireLine = /^const \{ ([\w, ]+) \} = require\(String\.raw`(\.\/snippets\/[^`]+)`\);\n/m;

for (const dir of process.argv.slice(2)) {
  const gluePath = join(dir, "abridge.js");
  let glue = readFileSync(gluePath, "utf8");
  for (let match; (match = glue.match(importLine) || glue.match(requireLine)); ) {
    const snippet = readFileSync(join(dir, match[2]), "utf8");
    const names = match[1].split(",").map((name) => name.trim());
    // Each imported name must be an `export function` of the snippet; the
    // snippet is pasted in with those `export`s dropped.
    for (const name of names) {
      if (!new RegExp(`^export function ${name}\\(`, "m").test(snippet)) {
        throw new Error(`${match[2]}: no "export function ${name}(" to inline`);
      }
    }
    if (/^\s*(import|export)\b(?! function)/m.test(snippet)) {
      throw new Error(`${match[2]}: an import or export other than "export function"`);
    }
    glue = glue.replace(match[0], () => snippet.replace(/^export function /gm, "function ").trim() + "\n");
  }
  if (glue.includes("./snippets/")) throw new Error(`${gluePath}: a snippet reference this script does not know`);
  writeFileSync(gluePath, glue);
  rmSync(join(dir, "snippets"), { recursive: true, force: true });
}
