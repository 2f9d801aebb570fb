// A 1 MB paste: the page keeps answering input while the worker summarizes it,
// stale results are dropped, the highlighted view is rendered in parts, and the
// 1 MB draft survives a reload. (That a long job whose input changed is cut short
// is asserted with 20 MB in reliability.test.mjs: a 1 MB job may finish before
// the first key arrives, so here the restarts are only logged.) An opened file
// waits for the text box with a notice, or is held by the page when it is too long
// for the box (held.test.mjs has the rest of that).
import assert from "node:assert/strict";
import { unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { bigText, openPage, recordStatus, screenshotPath, setInput, settle, start, summaryItems, waitForSummary } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("during a 1 MB paste, input events are answered within 100 ms", async () => {
  const { context, page } = await openPage(env.browser, env.url, {
    contextOptions: { permissions: ["clipboard-read", "clipboard-write"] },
  });
  await waitForSummary(page);
  await settle(page);
  await page.evaluate(() => {
    window.__events = [];
    window.__summaries = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__events.push({
          name: e.name,
          target: e.target?.id ?? "",
          start: e.startTime,
          delay: e.processingStart - e.startTime,
          processing: e.processingEnd - e.processingStart,
          duration: e.duration,
        });
      }
    }).observe({ type: "event", buffered: false, durationThreshold: 16 });
    document.addEventListener("abridge:summary", (e) => window.__summaries.push(e.detail));
    // Whether a summary was being computed when each length control event arrived
    // (read as the event is dispatched: a later read races with jobs finishing).
    window.__busyAtLength = [];
    for (const type of ["keydown", "input"]) {
      document.addEventListener(
        type,
        (e) => {
          if (e.target.id?.startsWith("amount-")) window.__busyAtLength.push(document.getElementById("summary").getAttribute("aria-busy"));
        },
        true,
      );
    }
  });
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))));

  const big = bigText(1 << 20);
  await page.evaluate((t) => navigator.clipboard.writeText(t), big);
  await page.click("#input");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
  // The paste itself, and the frame that lays out the <textarea> with its megabyte,
  // are the browser's own work (as in any page): measure from after them.
  const pastedAt = await frames();

  // While the worker summarizes the megabyte: type into it (each key held 50 ms, as
  // fingers do, and the next one after the textarea has been laid out again)...
  for (const key of "abc") {
    await page.keyboard.press(key, { delay: 50 });
    await frames();
    await page.waitForTimeout(100);
  }
  // ...then move the slider and type a number, while the worker is still at it.
  await page.focus("#amount-range");
  await page.keyboard.press("ArrowRight");
  await frames();
  await page.keyboard.press("ArrowRight");
  await frames();
  await page.fill("#amount-number", "4");

  await settle(page, 120_000);
  const result = await page.evaluate((t0) => {
    const ours = window.__events.filter((e) => e.start > t0);
    return {
      events: ours,
      summaries: window.__summaries,
      busyAtLength: window.__busyAtLength,
      work: globalThis.abridgeDebug.work,
      restarts: Number(document.documentElement.dataset.restarts ?? 0),
      input: document.getElementById("input").value,
      view: document.getElementById("view").textContent,
    };
  }, pastedAt);
  assert.equal(result.busyAtLength[0], "true", `the slider moved while the megabyte was being summarized: ${result.busyAtLength}`);

  // "Answered": every interaction's first event (keydown, pointerdown, click) and every
  // event on the length controls ran its handlers within 100 ms. A keyup or input in the
  // <textarea> can wait behind the browser's own relayout of the megabyte after the
  // previous key (~50-250 ms here, as in a bare page), which is logged, not asserted.
  const textareaOwn = (e) => e.target === "input" && (e.name === "keyup" || e.name === "input" || e.name === "beforeinput" || e.name === "keypress");
  const slow = result.events.filter((e) => !textareaOwn(e) && e.delay > 100);
  assert.deepEqual(slow, [], `events that waited more than 100 ms: ${JSON.stringify(slow)}`);
  // And the page's own work per event never holds the main thread for long.
  for (const [kind, w] of Object.entries(result.work)) {
    assert.ok(w.max < 100, `${kind}: ${w.max.toFixed(1)} ms at most`);
  }
  const round = (x) => Math.round(x);
  const max = (name) => round(Math.max(0, ...result.events.filter((e) => e.name === name).map((e) => e.delay)));
  console.log(
    `1 MB: longest wait keydown ${max("keydown")} ms, pointerdown ${max("pointerdown")} ms; in the textarea keyup ${max("keyup")} ms; ` +
      `restarts ${result.restarts}; busy at the length controls' events ${result.busyAtLength.join(",")}; page work max ${JSON.stringify(Object.fromEntries(Object.entries(result.work).map(([k, w]) => [k, +w.max.toFixed(1)])))}`,
  );

  // The final summary is for the final text and length; stale ones were dropped.
  assert.equal(result.input, `${big}abc`);
  const items = await summaryItems(page);
  assert.equal(items.length, 4);
  const last = result.summaries.at(-1);
  assert.equal(last.sentencesOut, 4);
  assert.ok(last.sentencesIn > 5000, `${last.sentencesIn} sentences`);
  assert.ok(result.summaries.length < 6, `stale results dropped (${result.summaries.length} rendered)`);

  // The highlighted view is shown in parts: its start is the text's start.
  assert.ok(result.view.length < result.input.length);
  assert.ok(result.input.startsWith(result.view));
  assert.ok(await page.isVisible("#view-more-button"));
  await page.screenshot({ path: screenshotPath("page-1mb.png"), fullPage: true });
  const before = result.view.length;
  await page.click("#view-more-button");
  const afterMore = await page.evaluate(() => document.getElementById("view").textContent.length);
  assert.ok(afterMore > before, "Show more renders more of the text");
  // Highlights shown are the summary's sentences.
  const marks = await page.$$eval("#view mark", (m) => m.map((n) => n.textContent));
  for (const mark of marks) assert.ok(items.includes(mark), mark);

  // The 1 MB draft (written in pieces) survives a reload.
  await page.waitForFunction(() => localStorage.getItem("abridge.draftParts") !== null, null, { timeout: 30_000 });
  await page.reload();
  await waitForSummary(page, 0, 120_000);
  assert.equal((await page.inputValue("#input")).length, big.length + 3);
  await page.click("#clear");
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("abridge.draft"))), []);
  await context.close();
});

test("a paragraph of 1.9 million characters: pasting, typing, Undo and a reload do not freeze the page", async () => {
  const { context, page } = await openPage(env.browser, null, {
    contextOptions: { permissions: ["clipboard-read", "clipboard-write"] },
  });
  // Every long task and long frame of every load of the page (a layout while the page
  // loads is reported as a long animation frame only).
  await context.addInitScript(() => {
    window.__longTasks = [];
    for (const type of ["longtask", "long-animation-frame"]) {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: Math.round(e.duration) });
      }).observe({ type, buffered: true });
    }
  });
  const longest = (from = 0) => page.evaluate((t0) => Math.max(0, ...window.__longTasks.filter((t) => t.start >= t0).map((t) => t.ms)), from);
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const direction = (selector = "#input") => page.$eval(selector, (e) => [e.dir, getComputedStyle(e).unicodeBidi].join(" "));
  await page.goto(env.url);
  await waitForSummary(page);
  await settle(page);
  // Each paragraph of the text box takes its own direction (unicode-bidi: plaintext),
  // which Chromium lays out in quadratic time: this text took 10 s per keystroke.
  const oneParagraph = "Zebra crossings were repainted across the old town this week. Buses ran late. ".repeat(24_000);
  await page.evaluate((t) => navigator.clipboard.writeText(t), oneParagraph);
  await page.click("#clear");
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.press("Control+V");
  await frames();
  for (const key of "ab") {
    await page.keyboard.press(key);
    await frames();
  }
  // Clear, then Undo puts it back in the box from the page's side.
  await page.click("#clear");
  await frames();
  await page.click("#undo");
  await frames();
  const text = `${oneParagraph}ab`;
  assert.equal(await page.inputValue("#input"), text);
  const typing = await longest(t0);
  // The whole text takes one direction, its first letter's.
  assert.equal(await direction(), "ltr normal");

  // And so does the draft that a reload puts back in the text box.
  await page.waitForFunction((n) => localStorage.getItem("abridge.draftBig") === String(n), text.length, { timeout: 60_000 });
  await page.reload();
  await page.waitForFunction((n) => document.getElementById("input").value.length === n, text.length, { timeout: 60_000 });
  await frames();
  const reload = await longest();
  console.log(`one paragraph of 1.9 million characters: longest main-thread task or frame ${typing} ms pasting and typing, ${reload} ms reloading`);
  assert.ok(typing < 3000, `the page froze for ${typing} ms pasting and typing`);
  assert.ok(reload < 3000, `the page froze for ${reload} ms reloading`);
  assert.equal(await direction(), "ltr normal");
  // So does the highlighted view (each "Show more" took longer: 0.8 s at 600,000 characters).
  await waitForSummary(page, 0, 120_000);
  assert.equal(await direction("#view"), "ltr normal");

  // A long paragraph of Hebrew reads right to left.
  const hebrew = "הגשר החדש נפתח ביום שני. ".repeat(1000);
  await setInput(page, hebrew);
  assert.equal(await direction(), "rtl normal");

  // Short paragraphs take their own direction again.
  const id = await setInput(page, "The harbor reopened.\n\nذهب الرئيس إلى المدينة يوم الاثنين.");
  assert.equal(await direction(), " plaintext");
  await waitForSummary(page, id, 120_000);
  assert.equal(await direction("#view"), " plaintext");
  await context.close();
});

test("opening a 1.5 MB file says it will take a while before the text box is laid out; a 3 MB one is held at once; a big web page is announced before it is parsed", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  // Each status message, with the length of the text box's text when it was shown.
  await recordStatus(page);
  const open = async (text, name, extension = "txt") => {
    const path = join(tmpdir(), `abridge-${name}-${process.pid}.${extension}`);
    writeFileSync(path, text);
    const id = await page.evaluate(() => Number(document.documentElement.dataset.summaryId ?? 0));
    const before = await page.evaluate(() => document.getElementById("input").value.length);
    await page.evaluate(() => (window.__status = []));
    await page.setInputFiles("#file", path);
    await waitForSummary(page, id, 120_000);
    unlinkSync(path);
    return { before, shown: await page.evaluate(() => window.__status) };
  };

  const medium = bigText(1_500_000);
  const { before, shown } = await open(medium, "medium");
  const notice = shown.find(([message]) => message.startsWith("Opening “abridge-medium-"));
  assert.ok(notice, `no notice among ${JSON.stringify(shown.map(([m]) => m))}`);
  assert.match(notice[0], /\(1\.5 million characters\): the text box takes a few seconds/);
  assert.equal(notice[1], before, "the notice came before the text box took the text");
  assert.ok(shown.some(([message]) => message.startsWith("Opened “abridge-medium-")), JSON.stringify(shown.map(([m]) => m)));
  assert.equal(await page.evaluate(() => document.getElementById("input").value.length), medium.length);
  assert.ok(await page.isHidden("#held"));

  // 3 MB is more than the text box takes without freezing the page: the page holds
  // it, under the file's name, and nothing waits on the box.
  const big = bigText(3 * 1024 * 1024);
  const opened = await open(big, "big");
  assert.deepEqual(
    opened.shown.filter(([message]) => /few seconds/.test(message)),
    [],
    "no notice: the text box never lays the text out",
  );
  assert.ok(opened.shown.some(([message]) => message.startsWith("Opened “abridge-big-")), JSON.stringify(opened.shown.map(([m]) => m)));
  assert.equal(await page.evaluate(() => document.getElementById("input").value.length), 0);
  assert.equal(await page.evaluate(() => globalThis.abridgeDebug.text()), big);
  assert.ok(await page.isVisible("#held"));
  assert.match(await page.textContent("#held-name"), /^abridge-big-\d+\.txt$/);
  assert.match(await page.textContent("#held-size"), /^3\.1 million characters/);
  // Undo brings back the 1.5 MB text, in the text box.
  await page.click("#undo");
  assert.equal(await page.inputValue("#input"), medium);
  assert.ok(await page.isHidden("#held"));

  // A web page of a megabyte or more: the browser parses it on the page's thread
  // (seconds for several megabytes), so the page says so before it starts.
  const escape = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const story = bigText(1_200_000);
  const paragraphs = story.split("\n").filter((p) => p.trim() !== "");
  const webPage = `<!doctype html><html><body><nav>Menu</nav><article>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}</article></body></html>`;
  const read = await open(webPage, "page", "html");
  const reading = read.shown.find(([message]) => message.startsWith("Reading the web page “abridge-page-"));
  assert.ok(reading, `no notice among ${JSON.stringify(read.shown.map(([m]) => m))}`);
  assert.match(reading[0], /\(1\.\d MB\): this takes a few seconds/);
  assert.equal(reading[1], read.before, "the notice came before the page was read");
  assert.equal(await page.inputValue("#input"), paragraphs.map((p) => p.trim()).join("\n\n"));
  await context.close();
});

test("a web page nested too deeply for the browser's parser is read flat, without freezing the page", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  // 40,000 unclosed <i>s (0.3 MB): Chromium's DOMParser took 5 s over them (100,000
  // <div>s: 30 s), on the page's one thread. Now the page sees the nesting first and
  // reads the text flat.
  const words = Array.from({ length: 40_000 }, (_, i) => (i % 1000 === 0 ? `&Eacute;t&eacute; ${i}.` : `${i}`));
  const html = `<!doctype html><html><head><title>Deep</title><script>var open = "<div>";</script></head><body><h1>Nested &amp; deep</h1>${words.map((w) => `<i>${w} `).join("")}</body></html>`;
  const path = join(tmpdir(), `abridge-deep-${process.pid}.html`);
  writeFileSync(path, html);
  const id = await page.evaluate(() => Number(document.documentElement.dataset.summaryId ?? 0));
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, Math.round(e.duration));
    }).observe({ type: "longtask" });
  });
  await page.setInputFiles("#file", path);
  await waitForSummary(page, id, 120_000);
  unlinkSync(path);
  assert.match(await page.textContent("#status"), /Opened “abridge-deep-\d+\.html”\. Its markup nests too deeply to find its story in good time, so all of its text was read\./);
  assert.equal(await page.inputValue("#input"), `Nested & deep\n\n${words.join(" ").replace(/&Eacute;t&eacute;/g, "Été")}`);
  const longest = await page.evaluate(() => window.__longest);
  console.log(`40,000 unclosed elements: longest main-thread task ${longest} ms`);
  assert.ok(longest < 2000, `the page froze for ${longest} ms`);
  await context.close();
});
