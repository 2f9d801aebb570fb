// Shared by the page tests (tests/page/*.test.mjs) and scripts/bench-web.mjs: a server
// for site/ on a free port, headless Chromium through playwright-core, and helpers
// to wait for the page's summaries.
//
// Prerequisites: `make wasm` and `node scripts/site.mjs` (site/ and dist/abridge.html).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve-site.mjs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const siteDir = process.env.ABRIDGE_SITE ?? join(root, "site");
export const distFile = process.env.ABRIDGE_DIST ?? join(root, "dist", "abridge.html");
export const screenshotDir = join(root, "target", "screenshots");
export const sample = readFileSync(join(root, "samples", "kim-beijing.txt"), "utf8");

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function requireBuild() {
  for (const path of [join(siteDir, "index.html"), join(siteDir, "pkg", "abridge_bg.wasm"), distFile]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`make wasm && node scripts/site.mjs\` first`);
  }
}

/** Starts a server for site/ (free port) and a headless Chromium. Call `close()` at the end. */
export async function start({ requests } = {}) {
  requireBuild();
  const server = await serve({ root: siteDir, port: 0, onRequest: requests ? (p) => requests.push(p) : undefined });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  return {
    server,
    browser,
    url: server.url,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** A new context + page; `errors` collects page errors and console errors. */
export async function openPage(browser, url, { contextOptions = {}, viewport = { width: 1280, height: 900 }, errors } = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  // Content-Security-Policy violations, for cspViolations(page).
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  if (errors) {
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  }
  if (url) await page.goto(url);
  return { context, page };
}

/** What runs the summaries once it is up: "worker", "blob-worker" or "main-thread". */
export async function backendKind(page) {
  await page.waitForFunction(() => document.documentElement.dataset.backend !== undefined, null, { timeout: 30_000 });
  return page.getAttribute("html", "data-backend");
}

/** What the page's CSP blocked so far (nothing, if all is well). */
export function cspViolations(page) {
  return page.evaluate(() => window.__csp ?? []);
}

/** Records each status message, with the text box's length when it was shown, in `window.__status`. */
export async function recordStatus(page) {
  await page.evaluate(() => {
    window.__status = [];
    const status = document.getElementById("status");
    new MutationObserver(() => window.__status.push([status.textContent, document.getElementById("input").value.length])).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

/** Waits until the page has rendered a summary (optionally a newer one than `afterId`). */
export async function waitForSummary(page, afterId = 0, timeout = 30_000) {
  await page.waitForFunction(
    (after) => Number(document.documentElement.dataset.summaryId ?? 0) > after,
    afterId,
    { timeout },
  );
  return summaryId(page);
}

export async function summaryId(page) {
  return page.evaluate(() => Number(document.documentElement.dataset.summaryId ?? 0));
}

/** Waits for the page to settle: a summary for the current input and settings, nothing in flight. */
export async function settle(page, timeout = 30_000) {
  await page.waitForFunction(
    () => document.documentElement.dataset.ready === "1" && document.getElementById("summary").getAttribute("aria-busy") === "false",
    null,
    { timeout },
  );
}

/** The texts of the summary list items. */
export function summaryItems(page) {
  return page.$$eval("#summary li", (items) => items.map((li) => li.textContent));
}

/** The texts of the highlighted (<mark>) sentences of the text view. */
export function markedSentences(page) {
  return page.$$eval("#view mark", (marks) => marks.map((m) => m.textContent));
}

/** Sets the textarea's value as a paste would (one input event) and returns the summary id before. */
export async function setInput(page, text) {
  const before = await summaryId(page);
  await page.evaluate((t) => {
    const input = document.getElementById("input");
    input.value = t;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
  return before;
}

export function screenshotPath(name) {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, name);
}

/** About `words` words of English news from the test fixtures. */
export function article(words) {
  const dir = join(root, "tests", "fixtures");
  const names = ["news-bridge.txt", "news-storm.txt", "news-earnings.txt", "news-glacier.txt", "news-marathon.txt"];
  const paragraphs = names.flatMap((n) => readFileSync(join(dir, n), "utf8").split(/\n\s*\n/)).filter((p) => p.trim());
  const out = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = paragraphs[i % paragraphs.length];
    out.push(p.trim());
    count += p.split(/\s+/).filter(Boolean).length;
  }
  return out.join("\n\n");
}

/** About `bytes` of English news: the fixtures repeated, paragraphs rotated so it is not one block repeated. */
export function bigText(bytes) {
  const dir = join(root, "tests", "fixtures");
  const names = ["news-bridge.txt", "news-storm.txt", "news-earnings.txt", "news-glacier.txt", "news-marathon.txt"];
  const paragraphs = names.flatMap((n) => readFileSync(join(dir, n), "utf8").split(/\n\s*\n/)).filter((p) => p.trim());
  const out = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const p = `${paragraphs[(i * 7) % paragraphs.length].trim()}`;
    out.push(p);
    length += p.length + 2;
  }
  return out.join("\n\n").slice(0, bytes);
}
