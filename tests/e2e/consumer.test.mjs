// A real consumer of the npm package, offline: `npm pack` pkg/, install the
// tarball into a fresh project, then
//   - require("abridge") and import { summarize } from "abridge" in Node,
//   - type-check a TypeScript consumer with tsc --strict (Node and bundler resolution),
//   - build a tiny app importing `abridge/web` with esbuild and with Vite 7,
//   - and run both builds, plus a plain page importing the package's files
//     directly, in headless Chromium through playwright-core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, copyFileSync, rmSync, readdirSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, extname, normalize } from "node:path";
import { chromium } from "playwright-core";
import { root, pkgDir } from "../js/common.mjs";
import { CHROMIUM, LAUNCH_ARGS } from "../page/helpers.mjs";

const bin = (name) => join(root, "node_modules/.bin", name);
const SAMPLE = readFileSync(join(root, "samples/kim-beijing.txt"), "utf8");
const version = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version;
// The page tests' launch flags; shared memory in /tmp rather than a possibly small /dev/shm.
const CHROMIUM_ARGS = [...LAUNCH_ARGS, "--disable-dev-shm-usage"];

let project;
let browser;
let server;
let origin;

function run(cmd, args, options = {}) {
  return execFileSync(cmd, args, { cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options });
}

const page = (script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>abridge consumer</title>
<link rel="icon" href="data:,"></head>
<body><textarea id="text">${SAMPLE.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</textarea>
<p id="summary"></p>
${script}
</body></html>
`;

before(() => {
  project = mkdtempSync(join(tmpdir(), "abridge-consumer-"));
  const tarball = JSON.parse(run("npm", ["pack", pkgDir, "--json", "--pack-destination", project]))[0].filename;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "abridge-consumer", private: true, type: "module" }, null, 2));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", `./${tarball}`]);
  copyFileSync(join(root, "tests/e2e/app/main.js"), join(project, "main.js"));
  for (const f of ["consumer-node.ts", "consumer-web.ts"]) copyFileSync(join(root, "tests/e2e", f), join(project, f));

  // The static server: just files, with the wasm MIME type.
  const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(project, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(project) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (project && !process.env.ABRIDGE_KEEP_E2E) rmSync(project, { recursive: true, force: true });
});

test("the tarball holds the package and nothing else", () => {
  const files = readdirSync(join(project, "node_modules/abridge"), { recursive: true }).sort();
  assert.deepEqual(files, [
    "LICENSE",
    "README.md",
    "node",
    "node/abridge.d.mts",
    "node/abridge.d.ts",
    "node/abridge.js",
    "node/abridge.mjs",
    "node/abridge_bg.wasm",
    "node/abridge_bg.wasm.d.ts",
    "node/package.json",
    "package.json",
    "web",
    "web/abridge.d.ts",
    "web/abridge.js",
    "web/abridge_bg.wasm",
    "web/abridge_bg.wasm.d.ts",
  ]);
});

test("Node 20: require and import, no flags, no init", () => {
  const cjs = run("node", ["-e", `const a = require("abridge"); const r = a.summarize(${JSON.stringify(SAMPLE)}, { sentences: 2 }); console.log(JSON.stringify([a.version(), r.stats.sentencesOut, typeof require.resolve("abridge/web")]))`]);
  assert.deepEqual(JSON.parse(cjs), [version, 2, "string"]);
  const esm = run("node", ["--input-type=module", "-e", `import { summarize, version } from "abridge"; import pkg from "abridge/package.json" with { type: "json" }; console.log(JSON.stringify([version(), pkg.version, summarize("One sentence here. Another one there.", { sentences: 1 }).stats.sentencesOut]))`]);
  assert.deepEqual(JSON.parse(esm), [version, version, 1]);
  // Code shared with a page initialises as the web build wants; in Node that does nothing.
  const shared = run("node", ["--input-type=module", "-e", `import init, { initSync, summarize } from "abridge"; await init(); initSync(); console.log(summarize("One. Two.", { sentences: 1 }).summary)`]);
  assert.equal(shared.trim(), "One.");
  const sharedCjs = run("node", ["-e", `const a = require("abridge"); a.initSync(); a.default().then(() => console.log(a.summarize("One. Two.", { sentences: 1 }).summary))`]);
  assert.equal(sharedCjs.trim(), "One.");
  // The web build in Node, given the bytes (Node's fetch cannot read file: URLs).
  const web = run("node", ["--input-type=module", "-e", `import { readFileSync } from "node:fs"; import { createRequire } from "node:module"; import init, { summarize } from "abridge/web"; const wasm = createRequire(import.meta.url).resolve("abridge/abridge_bg.wasm"); await init({ module_or_path: readFileSync(wasm) }); console.log(summarize("One. Two. Three.", { sentences: 1 }).stats.sentencesOut)`]);
  assert.equal(web.trim(), "1");
});

test("TypeScript: a consumer type-checks with tsc --strict --noEmit", () => {
  const common = { strict: true, exactOptionalPropertyTypes: true, noEmit: true, target: "es2022", skipLibCheck: false, types: [] };
  writeFileSync(join(project, "tsconfig.node.json"), JSON.stringify({ compilerOptions: { ...common, module: "nodenext", moduleResolution: "nodenext", lib: ["es2022"] }, files: ["consumer-node.ts"] }));
  writeFileSync(join(project, "tsconfig.web.json"), JSON.stringify({ compilerOptions: { ...common, module: "esnext", moduleResolution: "bundler", lib: ["es2022", "dom"] }, files: ["consumer-web.ts"] }));
  for (const config of ["tsconfig.node.json", "tsconfig.web.json"]) {
    try {
      run(bin("tsc"), ["-p", config]);
    } catch (e) {
      assert.fail(`tsc -p ${config}:\n${e.stdout}${e.stderr}`);
    }
  }
});

test("esbuild and Vite 7 bundle an app importing abridge/web", () => {
  // esbuild bundles the glue but not the wasm: copy it next to the bundle.
  mkdirSync(join(project, "esbuild"));
  run(bin("esbuild"), ["main.js", "--bundle", "--format=esm", "--minify", "--outfile=esbuild/app.js"]);
  copyFileSync(join(project, "node_modules/abridge/web/abridge_bg.wasm"), join(project, "esbuild/abridge_bg.wasm"));
  writeFileSync(join(project, "esbuild/index.html"), page(`<script type="module" src="./app.js"></script>`));

  // Vite sees new URL("abridge_bg.wasm", import.meta.url) and emits the wasm itself.
  mkdirSync(join(project, "vite-src"));
  copyFileSync(join(project, "main.js"), join(project, "vite-src/main.js"));
  writeFileSync(join(project, "vite-src/index.html"), page(`<script type="module" src="./main.js"></script>`));
  run("node", [join(root, "node_modules/vite/bin/vite.js"), "build", "vite-src", "--outDir", "../vite", "--emptyOutDir", "--base", "./", "--logLevel", "warn"]);
  const assets = readdirSync(join(project, "vite/assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `vite emitted the wasm: ${assets}`);

  // A plain page: no bundler, the package's own files.
  writeFileSync(join(project, "plain.html"), page(`<script type="importmap">{"imports":{"abridge/web":"./node_modules/abridge/web/abridge.js"}}</script><script type="module" src="./main.js"></script>`));
});

for (const [name, path] of [["esbuild", "/esbuild/"], ["Vite 7", "/vite/"], ["a plain page", "/plain.html"]]) {
  test(`headless Chromium runs the ${name} build`, async () => {
    if (!origin) {
      await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
      origin = `http://127.0.0.1:${server.address().port}`;
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    }
    const tab = await browser.newPage();
    const problems = [];
    tab.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    tab.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    tab.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
    await tab.goto(origin + path);
    await tab.waitForSelector("body[data-ready]", { timeout: 30_000 });
    const out = await tab.evaluate(() => window.__abridge);
    assert.equal(out.failure, undefined, out.failure);
    assert.equal(out.version, version);
    assert.equal(out.language, "en");
    assert.equal(out.selected, 2);
    assert.match(out.summary, /Kim Jong Un/);
    assert.equal(out.offsetsOk, true);
    assert.equal(out.trickyOk, true);
    assert.match(out.errors[0], /^RangeError: .*"ratio"/);
    assert.match(out.errors[1], /^TypeError: .*"sentences"/);
    assert.match(out.errors[2], /^TypeError: .*options/);
    assert.equal(out.sameAfterErrors, true);
    assert.equal(await tab.textContent("#summary"), out.summary);
    assert.deepEqual(problems, []);
    if (process.env.ABRIDGE_E2E_SCREENSHOTS) {
      await tab.screenshot({ path: join(process.env.ABRIDGE_E2E_SCREENSHOTS, `${name.replace(/\W+/g, "-")}.png`) });
    }
    await tab.close();
  });
}
