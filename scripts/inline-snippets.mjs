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
const namespaceLine =
  /^(?:import \* as (import\d+) from "(\.\/snippets\/[^"]+)"|const (import\d+) = require\("(\.\/snippets\/[^"]+)"\));?\n/gm;
const namespaceKey = /^\s*"\.\/snippets\/[^"]+": import\d+,\n?/gm;

/** The snippet at `path` as plain functions, once: its `export`s dropped. */
function pasteOnce(dir, path, pasted) {
  if (pasted.has(path)) return "";
  pasted.add(path);
  const snippet = readFileSync(join(dir, path), "utf8");
  if (/^\s*(import|export)\b(?! function)/m.test(snippet)) {
    throw new Error(`${path}: an import or export other than "export function"`);
  }
  return snippet.replace(/^export function /gm, "function ").trim() + "\n";
}

for (const dir of process.argv.slice(2)) {
  const gluePath = join(dir, "abridge.js");
  let glue = readFileSync(gluePath, "utf8");
  const pasted = new Set();
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
    glue = glue.replace(match[0], () => pasteOnce(dir, match[2], pasted));
  }
  // A snippet function that needs no conversion of its arguments or result is
  // imported by the wasm straight from the snippet's namespace (`"./snippets/...":
  // importN` in the imports object: the module name the wasm asks for). The
  // namespace becomes an object of the snippet's functions, pasted in here if
  // no line above did.
  // wasm-bindgen may import one snippet's namespace twice, under two names and
  // as the same key of the imports object twice: the object is made once, and
  // the second key (the same value) goes.
  const namespaces = new Map(); // path -> the name of its object
  const repeated = new Set();
  glue = glue.replace(namespaceLine, (_, webName, webPath, nodeName, nodePath) => {
    const path = webPath ?? nodePath;
    const name = webName ?? nodeName;
    if (namespaces.has(path)) {
      repeated.add(name);
      return "";
    }
    namespaces.set(path, name);
    const names = [...readFileSync(join(dir, path), "utf8").matchAll(/^export function (\w+)\(/gm)];
    const object = `const ${name} = { ${names.map((m) => m[1]).join(", ")} };\n`;
    return pasteOnce(dir, path, pasted) + object;
  });
  glue = glue.replace(namespaceKey, (line) => (repeated.has(line.match(/(import\d+),/)[1]) ? "" : line));
  if (glue.replace(namespaceKey, "").includes("./snippets/")) {
    throw new Error(`${gluePath}: a snippet reference this script does not know`);
  }
  writeFileSync(gluePath, glue);
  rmSync(join(dir, "snippets"), { recursive: true, force: true });
}
