// Offline and installable: after one visit the page works with no network (service
// worker, versioned cache), also when the site lives in a subfolder of the host;
// the manifest makes it installable; and dist/abridge.html works from file://.
import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve-site.mjs";
import {
  CHROMIUM,
  backendKind,
  cspViolations,
  LAUNCH_ARGS,
  distFile,
  markedSentences,
  openPage,
  requireBuild,
  sample,
  setInput,
  settle,
  siteDir,
  summaryItems,
  waitForSummary,
} from "./helpers.mjs";

let browser;
let server;
let hostRoot;
before(async () => {
  requireBuild();
  // A static host with the site in a subfolder: https://host/tools/abridge/ in small.
  hostRoot = mkdtempSync(join(tmpdir(), "abridge-host-"));
  symlinkSync(siteDir, join(hostRoot, "abridge"), "dir");
  server = await serve({ root: hostRoot, port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (hostRoot) rmSync(hostRoot, { recursive: true, force: true });
});

test("after one visit, the page works offline (service worker, versioned cache)", async () => {
  const url = `${server.url}abridge/`;
  const errors = [];
  const { context, page } = await openPage(browser, url, { errors });
  await waitForSummary(page);
  await page.waitForFunction(() => document.documentElement.dataset.offline === "ready", null, { timeout: 30_000 });
  const build = await page.getAttribute('meta[name="abridge-build"]', "content");
  assert.match(build, /^\d+\.\d+\.\d+.*-[0-9a-f]{10}$/);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  assert.deepEqual(cached.names, [`abridge-${build}`]);
  for (const path of ["/abridge/", "/abridge/index.html", "/abridge/main.js", "/abridge/worker.js", "/abridge/pkg/abridge_bg.wasm"]) {
    assert.ok(cached.urls.includes(path), `${path} is precached`);
  }

  await context.setOffline(true);
  assert.equal(await page.evaluate(() => fetch("/elsewhere.txt").then(() => "online", () => "offline")), "offline");
  await page.reload();
  await waitForSummary(page);
  await settle(page);
  assert.equal((await summaryItems(page)).length, 3);
  assert.equal(await page.inputValue("#input"), sample);
  // And it still summarizes new text.
  const before = await setInput(page, "Offline text one is here. Offline text two follows it. A third sentence ends. A fourth closes.");
  await waitForSummary(page, before);
  await settle(page);
  assert.deepEqual(await markedSentences(page), await summaryItems(page));
  assert.equal((await summaryItems(page)).length, 3);
  assert.ok(await page.isHidden("#error"));
  // The one failed load is the probe for /elsewhere.txt above.
  assert.deepEqual(errors.filter((e) => !/Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)/.test(e)), []);
  await context.close();
});

test("the service worker stands in for no other page: another page or a missing path on its host comes from the network", async () => {
  // The site with another page beside it, in the service worker's scope (as is every
  // page of the host when the site is at its root).
  const shared = join(hostRoot, "shared");
  cpSync(siteDir, shared, { recursive: true });
  writeFileSync(join(shared, "notes.html"), "<!doctype html><title>Notes</title><p>Other notes on the same host.</p>");
  const { context, page } = await openPage(browser, `${server.url}shared/`);
  await waitForSummary(page);
  await page.waitForFunction(() => document.documentElement.dataset.offline === "ready", null, { timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await page.goto(`${server.url}shared/notes.html`);
  assert.equal(await page.title(), "Notes");
  const missing = await page.goto(`${server.url}shared/no/such/page`);
  assert.equal(missing.status(), 404);
  assert.equal(await page.textContent("body"), "not found");

  // Offline, the app's own page still comes from the cache, with a query too...
  await context.setOffline(true);
  await page.goto(`${server.url}shared/?from=home`);
  await waitForSummary(page);
  assert.equal(await page.inputValue("#input"), sample);
  // ...and another page is not the app either: the browser says it is offline.
  await assert.rejects(page.goto(`${server.url}shared/notes.html`), /ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
  await context.close();
});

test("a new release waits for the user's go-ahead, then replaces the old cache", async () => {
  // Release A is served, visited and cached; then the host gets release B.
  const releaseA = join(hostRoot, "release-a");
  const releaseB = join(hostRoot, "release-b");
  cpSync(siteDir, releaseA, { recursive: true });
  cpSync(siteDir, releaseB, { recursive: true });
  const sw = readFileSync(join(releaseB, "sw.js"), "utf8").replace(/^const VERSION = "([^"]*)";$/m, 'const VERSION = "$1-next";');
  writeFileSync(join(releaseB, "sw.js"), sw);
  appendFileSync(join(releaseB, "style.css"), "\n/* release B */\n");
  const live = join(hostRoot, "app");
  symlinkSync(releaseA, live, "dir");

  const { context, page } = await openPage(browser, `${server.url}app/`);
  await waitForSummary(page);
  await page.waitForFunction(() => document.documentElement.dataset.offline === "ready", null, { timeout: 30_000 });
  const first = await page.evaluate(() => caches.keys());
  assert.equal(first.length, 1);

  rmSync(live);
  symlinkSync(releaseB, live, "dir");
  await page.reload();
  await waitForSummary(page);
  await page.waitForSelector("#update:not([hidden])", { timeout: 30_000 });
  // Still release A until the user agrees.
  assert.ok(!(await page.evaluate(() => fetch("style.css").then((r) => r.text()))).includes("release B"));
  await Promise.all([page.waitForEvent("load"), page.click("#update-button")]);
  await waitForSummary(page);
  assert.ok((await page.evaluate(() => fetch("style.css").then((r) => r.text()))).includes("release B"));
  await page.waitForFunction((old) => caches.keys().then((k) => k.length === 1 && k[0] !== old), first[0]);
  assert.ok(await page.isHidden("#update"));
  await context.close();
});

test("the manifest makes the page installable", async () => {
  // Not in an incognito-like context: Chromium never offers to install from one.
  const profile = mkdtempSync(join(tmpdir(), "abridge-profile-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}abridge/`);
  await waitForSummary(page);
  await page.waitForFunction(() => document.documentElement.dataset.offline === "ready", null, { timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send("Page.getAppManifest");
  assert.deepEqual(manifest.errors, []);
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.short_name, "abridge");
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test("dist/abridge.html works from file:// (wasm inlined, no requests, CSP holds)", async () => {
  const errors = [];
  const { context, page } = await openPage(browser, null, { errors });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(distFile).href);
  await waitForSummary(page);
  await settle(page);
  const items = await summaryItems(page);
  assert.equal(items.length, 3);
  assert.deepEqual(await markedSentences(page), items);
  assert.equal(await page.inputValue("#input"), sample);
  const backend = await backendKind(page);
  assert.ok(["blob-worker", "main-thread"].includes(backend), backend);
  assert.equal(backend, "blob-worker", "a Blob-URL worker runs from file://");

  // The slider and typing work here too.
  let before = await page.evaluate(() => Number(document.documentElement.dataset.summaryId));
  await page.focus("#amount-range");
  await page.keyboard.press("ArrowRight");
  await waitForSummary(page, before);
  await settle(page);
  assert.equal((await summaryItems(page)).length, 4);
  before = await setInput(page, `${sample}\n\nA closing line about Kim Jong Un and Xi Jinping in Beijing.`);
  await waitForSummary(page, before);
  await settle(page);
  assert.deepEqual(await markedSentences(page), await summaryItems(page));

  // The draft survives a reload from disk too.
  await page.waitForFunction(() => (localStorage.getItem("abridge.draft") ?? "").endsWith("in Beijing."));
  await page.reload();
  await waitForSummary(page);
  assert.match(await page.inputValue("#input"), /in Beijing\.$/);

  const outside = requests.filter((u) => !/^(file|data|blob):/.test(u));
  assert.deepEqual(outside, [], "no network requests");
  // Including the why panel's bars (sized through the CSSOM).
  await page.focus("#view mark");
  assert.notEqual(await page.$eval("#why-body .bar span", (s) => s.getBoundingClientRect().width), 0);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("with no Worker at all, the single file summarizes on the main thread", async () => {
  const { context, page } = await openPage(browser, null);
  await page.addInitScript(() => {
    delete window.Worker;
  });
  await page.goto(pathToFileURL(distFile).href);
  await waitForSummary(page);
  await settle(page);
  assert.equal(await backendKind(page), "main-thread");
  assert.equal((await summaryItems(page)).length, 3);
  const before = await setInput(page, "One short line here. Another line there. A third line now. And a fourth one.");
  await waitForSummary(page, before);
  await settle(page);
  assert.deepEqual(await markedSentences(page), await summaryItems(page));
  await context.close();
});
