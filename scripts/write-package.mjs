// Writes <pkg>/package.json from pkg-template/package.json with the version of
// Cargo.toml, copies the package README and LICENSE, and gives the Node build
// the web build's `init` and `initSync` (see below).
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = process.argv[2] ?? join(root, "pkg");
const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = cargo.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms)?.[1];
if (!version) throw new Error("no [package] version in Cargo.toml");

const manifest = JSON.parse(readFileSync(join(root, "pkg-template/package.json"), "utf8"));
manifest.version = version;
writeFileSync(join(out, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
for (const file of ["README.md", "LICENSE"]) {
  copyFileSync(join(root, "pkg-template", file), join(out, file));
}

// The Node build is ready once loaded; the web build must be initialised first.
// Code shared by a server and a page (SvelteKit, Next, Astro) calls `init` or
// `initSync` either way: in Node they do nothing. An ES module entry gives
// `import init from "abridge"` its default export (Node makes a CommonJS
// module's default export its whole `exports` object).
const node = join(out, "node");
const glue = readFileSync(join(node, "abridge.js"), "utf8");
if (!glue.includes("exports.initSync")) {
  writeFileSync(
    join(node, "abridge.js"),
    glue +
      "\n// As in the web build, for code shared with a page: this build needs no initialising.\n" +
      "exports.initSync = function initSync() {};\n" +
      "exports.default = async function init() {};\n",
  );
  writeFileSync(
    join(node, "abridge.mjs"),
    `// abridge for Node as an ES module: the CommonJS build, with \`init\` as its default export.
import abridge from "./abridge.js";
export const { segment, summarize, version, initSync } = abridge;
export default abridge.default;
`,
  );
  // The same declarations for the ES module entry (.d.mts): TypeScript reads
  // abridge.d.ts as CommonJS's, whose default export is the whole module.
  const types = readFileSync(join(node, "abridge.d.ts"), "utf8");
  for (const file of ["abridge.d.ts", "abridge.d.mts"]) writeFileSync(
    join(node, file),
    types +
      `
/** As in the web build, for code shared with a page: in Node it does nothing (the module is ready once loaded). */
export default function init(module_or_path?: unknown): Promise<void>;
/** As in the web build, for code shared with a page: in Node it does nothing. */
export function initSync(module?: unknown): void;
`,
  );
}
