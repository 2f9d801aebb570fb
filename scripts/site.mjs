#!/usr/bin/env node
// `make site`: the page, ready to deploy. Node only, no dependencies. Needs `make wasm` first.
//
//   site/               the static folder for any static host (HTTPS or localhost for offline use):
//                       www/* + pkg/web/abridge.js + pkg/web/abridge_bg.wasm (as site/pkg/), the
//                       sample inlined into index.html, www/pack.js inlined into main.js and
//                       worker.js (one module for both, one request fewer on the way to the
//                       first summary), and sw.js given the release's cache version (package
//                       version + a hash of every file) and its list of files.
//   dist/abridge.html   one self-contained file: CSS, JS and the wasm (base64) inlined, for opening
//                       straight from disk (file://). Its CSP allows exactly its inline script and
//                       style by hash, plus a Blob-URL worker (a classic one: Chromium refuses
//                       module workers from Blob URLs on file://, classic ones work).
//
//   node scripts/site.mjs [--site DIR] [--dist FILE]
//   ABRIDGE_PKG=dir       take the package from dir instead of pkg/
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const www = join(root, "www");
const pkgDir = process.env.ABRIDGE_PKG ?? join(root, "pkg");
const siteDir = arg("--site", join(root, "site"));
const distFile = arg("--dist", join(root, "dist", "abridge.html"));
const samplePath = join(root, "samples", "kim-beijing.txt");

function die(message) {
  console.error(`site: ${message}`);
  process.exit(1);
}

for (const f of ["web/abridge.js", "web/abridge_bg.wasm", "package.json"]) {
  if (!existsSync(join(pkgDir, f))) die(`${relative(root, join(pkgDir, f))} is missing: run \`make wasm\` first`);
}
const version = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version;

// ------------------------------------------------------------ the files, as they will be served

/** www/ (recursively), then the package. Paths are the site's, with "/" separators. */
function sourceFiles() {
  const files = new Map();
  const walk = (dir, prefix) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".")) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files.set(`${prefix}${name}`, readFileSync(path));
    }
  };
  walk(www, "");
  files.set("pkg/abridge.js", readFileSync(join(pkgDir, "web/abridge.js")));
  files.set("pkg/abridge_bg.wasm", readFileSync(join(pkgDir, "web/abridge_bg.wasm")));
  for (const required of ["index.html", "style.css", "main.js", "worker.js", "sw.js", "manifest.webmanifest"]) {
    if (!files.has(required)) die(`www/${required} is missing`);
  }
  return files;
}

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Replaces `from` (which must occur exactly once) with `to`. */
function replaceOnce(text, from, to, where) {
  const i = text.indexOf(from);
  if (i < 0 || text.indexOf(from, i + 1) >= 0) die(`${where}: expected exactly one ${JSON.stringify(from.slice(0, 60))}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/**
 * Replaces `import { a, b } from "./pack.js";` in `src` by pack.js itself, wrapped so
 * that only the imported names are declared. pack.js must import nothing and declare
 * its exports as `export function` or `export const`.
 */
function inlinePack(src, packSrc, what) {
  const importLine = /^import \{ ([\w, ]+) \} from "\.\/pack\.js";$/m;
  const match = src.match(importLine);
  if (!match) die(`www/${what}: expected one line \`import { ... } from "./pack.js";\``);
  if (/^\s*import\b/m.test(packSrc)) die("www/pack.js imports something, so it cannot be inlined");
  const exported = [...packSrc.matchAll(/^export (?:function|const) (\w+)/gm)].map((m) => m[1]);
  const body = packSrc.replace(/^export (?=(?:function|const) )/gm, "");
  if (/^\s*export\b/m.test(body)) die("www/pack.js has an export this script does not know how to inline");
  const names = match[1].split(",").map((n) => n.trim()).filter(Boolean);
  for (const name of names) if (!exported.includes(name)) die(`www/pack.js exports no ${name} (www/${what} imports it)`);
  const inline = `// www/pack.js, inlined by scripts/site.mjs\nconst { ${names.join(", ")} } = (() => {\n${body}\nreturn { ${exported.join(", ")} };\n})();`;
  return src.replace(importLine, () => inline);
}

const files = sourceFiles();
if (!files.has("pack.js")) die("www/pack.js is missing");
{
  const packSrc = files.get("pack.js").toString("utf8");
  for (const name of ["main.js", "worker.js"]) files.set(name, Buffer.from(inlinePack(files.get(name).toString("utf8"), packSrc, name)));
  files.delete("pack.js");
}
const sample = readFileSync(samplePath, "utf8");

// The release: package version + a hash of everything that is served (and the sample).
const hash = createHash("sha256");
for (const [name, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
  hash.update(name).update("\0").update(bytes).update("\0");
}
hash.update(sample);
const release = `${version}-${hash.digest("hex").slice(0, 10)}`;

let index = files.get("index.html").toString("utf8");
index = replaceOnce(index, '<template id="sample"></template>', `<template id="sample">${escapeHtml(sample)}</template>`, "index.html");
index = replaceOnce(index, '<meta name="abridge-build" content="dev">', `<meta name="abridge-build" content="${release}">`, "index.html");
files.set("index.html", Buffer.from(index));

const assets = ["./", ...[...files.keys()].filter((f) => f !== "sw.js")];
let sw = files.get("sw.js").toString("utf8");
sw = sw.replace(/^const VERSION = .*;$/m, () => `const VERSION = ${JSON.stringify(release)};`);
sw = sw.replace(/^const ASSETS = .*;$/m, () => `const ASSETS = ${JSON.stringify(assets)};`);
if (!sw.includes(release) || !sw.includes('"pkg/abridge_bg.wasm"')) die("sw.js: could not set VERSION and ASSETS");
files.set("sw.js", Buffer.from(sw));

// ------------------------------------------------------------ site/

rmSync(siteDir, { recursive: true, force: true });
for (const [name, bytes] of files) {
  const path = join(siteDir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

// ------------------------------------------------------------ dist/abridge.html

/**
 * The web build's glue as an expression: its exports become the properties of an
 * object (an inline script can neither import nor be imported from).
 */
function glueExpression(src) {
  // The glue is minified (scripts/build-wasm.sh): `export{S as default,k as segment,...}`
  // at the end; readable glue has `export function f` and `export { ... }` lines.
  const names = [...src.matchAll(/^export function (\w+)/gm)].map((m) => [m[1], m[1]]);
  let body = src.replace(/^export function /gm, "function ");
  const exportList = /(^|[;}\n])\s*export\s*\{([^}]*)\};?\s*$/;
  const match = body.match(exportList);
  if (!match) die("pkg/web/abridge.js: no `export { ... }` list at the end");
  for (const item of match[2].split(",")) {
    const [local, exported = local] = item.trim().split(/\s+as\s+/);
    if (local) names.push([exported, local]);
  }
  if (!names.some(([exported]) => exported === "default")) die("pkg/web/abridge.js: no default export (the init function)");
  body = body.replace(exportList, "$1");
  if (/(^|[;}\n])\s*(export|import)\b/.test(body)) die("pkg/web/abridge.js: an import or export this script does not know how to inline");
  // The worker of the single file is a classic script (module workers from a Blob URL
  // fail on file://), where import.meta is a syntax error. The default wasm URL is
  // never used there: the page always passes the compiled module.
  body = body.replace(/\bimport\.meta\.url\b/g, "self.location.href");
  if (/\bimport\.meta\b/.test(body)) die("pkg/web/abridge.js: import.meta in a form this script does not know");
  for (const needed of ["summarize", "version", "initSync"]) if (!names.some(([e]) => e === needed)) die(`pkg/web/abridge.js exports no ${needed}()`);
  return `(() => {\n${body}\nreturn { ${names.map(([e, l]) => `${e}: ${l}`).join(", ")} };\n})()`;
}

/** Code that goes raw into an inline <script> must not be able to end it early. */
function checkInlinable(code, what) {
  if (/<\/script/i.test(code) || /<!--/.test(code)) die(`${what} contains "</script" or "<!--", so it cannot be inlined`);
  return code;
}

/** A JS string literal that is safe anywhere inside a <script>. */
const jsString = (s) => JSON.stringify(s).replace(/</g, "\\u003c");

const glue = checkInlinable(glueExpression(files.get("pkg/abridge.js").toString("utf8")), "pkg/web/abridge.js");
const workerSrc = files.get("worker.js").toString("utf8");
const importLine = /^import init, \{ ([\w, ]+) \} from "\.\/pkg\/abridge\.js";$/m;
if (!importLine.test(workerSrc)) die('worker.js: expected one line `import init, { ... } from "./pkg/abridge.js";`');
const inlineWorker =
  `const abridgeGlue = ${glue};\n` + workerSrc.replace(importLine, (_, names) => `const { default: init, ${names} } = abridgeGlue;`);
const mainSrc = checkInlinable(files.get("main.js").toString("utf8"), "www/main.js");
if (/^\s*import\b/m.test(mainSrc)) die("www/main.js has a static import; the single file cannot inline it");

const script =
  "\n// The package, inlined by scripts/site.mjs: the glue (for the main-thread fallback),\n" +
  "// the wasm as base64, and worker.js with the glue, for a Blob-URL worker.\n" +
  `const abridgeInline = {\n  glue: ${glue},\n  wasm: "${files.get("pkg/abridge_bg.wasm").toString("base64")}",\n  worker: ${jsString(inlineWorker)},\n};\n` +
  "globalThis.abridgeInline = abridgeInline;\n\n" +
  mainSrc;
const css = files.get("style.css").toString("utf8");
if (/<\/style/i.test(css)) die('www/style.css contains "</style", so it cannot be inlined');
const style = `\n${css}`;
const sha = (s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
const csp =
  `default-src 'none'; script-src ${sha(script)} 'wasm-unsafe-eval'; style-src ${sha(style)}; ` +
  "img-src data:; worker-src blob:; connect-src 'none'; base-uri 'none'; form-action 'none'";
const icon = `data:image/svg+xml;base64,${files.get("icon.svg").toString("base64")}`;

let single = index;
single = single.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
single = replaceOnce(single, '<link rel="icon" href="icon.svg" type="image/svg+xml">', `<link rel="icon" href="${icon}" type="image/svg+xml">`, "index.html");
single = replaceOnce(single, '<link rel="manifest" href="manifest.webmanifest">\n', "", "index.html");
single = replaceOnce(single, '<link rel="modulepreload" href="main.js">\n', "", "index.html");
single = replaceOnce(single, '<link rel="modulepreload" href="pkg/abridge.js">\n', "", "index.html");
single = replaceOnce(single, '<link rel="preload" href="pkg/abridge_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n', "", "index.html");
single = replaceOnce(single, '<link rel="stylesheet" href="style.css">', `<style>${style}</style>`, "index.html");
single = replaceOnce(single, '<script type="module" src="main.js" async></script>', `<script type="module" async>${script}</script>`, "index.html");
if (!single.includes(csp)) die("index.html: no Content-Security-Policy meta tag to replace");
// Nothing may point outside the file.
const external = single.match(/\s(?:src|href)="(?!data:|#)[^"]*"/g);
if (external) die(`dist/abridge.html still refers to other files: ${external.join(" ")}`);
mkdirSync(dirname(distFile), { recursive: true });
writeFileSync(distFile, single);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const total = [...files.values()].reduce((n, b) => n + b.length, 0);
console.log(`site: ${relative(root, siteDir) || "."}/ (${files.size} files, ${kb(total)}), cache abridge-${release}`);
console.log(`site: ${relative(root, distFile)} (${kb(Buffer.byteLength(single))}, single file)`);
