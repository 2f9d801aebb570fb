// The page over http://127.0.0.1: sample, typing, pasting, the length control,
// highlights, the why panel, copying, files, XSS, drafts, same-origin requests
// and a failed wasm load. Run after `make wasm && node scripts/site.mjs`:
//
//   node --test tests/page/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  article,
  backendKind,
  cspViolations,
  markedSentences,
  openPage,
  root,
  sample,
  screenshotPath,
  setInput,
  settle,
  start,
  summaryId,
  summaryItems,
  waitForSummary,
} from "./helpers.mjs";

let env;
const requests = [];
before(async () => {
  env = await start({ requests });
});
after(async () => {
  await env?.close();
});

/** What the package itself says, computed in the page with the site's own build. */
function reference(page, text, options) {
  return page.evaluate(
    async ([t, o]) => {
      const m = await import("/pkg/abridge.js");
      await m.default();
      return m.summarize(t, o);
    },
    [text, { keywords: 12, entities: 10, ...options }],
  );
}

/** A PNG's signature and the start of its header chunk, as a picture's file begins. */
const PNG_START = [137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 2, 128, 0, 0, 1, 224, 8, 6, 0, 0, 0];

const chosen = (result) => result.sentences.filter((s) => s.selected).map((s) => s.text);

/** Every request must go to the page's own origin (data: and blob: never leave the page). */
function trackOrigins(page, origin, foreign) {
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin) foreign.push(r.url());
  });
}

async function viewMatchesInput(page) {
  const [view, input] = await page.evaluate(() => [document.getElementById("view").textContent, document.getElementById("input").value]);
  assert.equal(view, input, "the highlighted view shows exactly the text");
}

test("the first visit shows the sample and its summary; highlights match; stats and chips", async () => {
  const errors = [];
  const foreign = [];
  const { context, page } = await openPage(env.browser, null, { errors });
  trackOrigins(page, new URL(env.url).origin, foreign);
  await page.goto(env.url);
  await waitForSummary(page);
  await settle(page);
  assert.equal(await page.inputValue("#input"), sample);
  const expected = await reference(page, sample, { sentences: 3 });
  const items = await summaryItems(page);
  assert.equal(items.length, 3);
  assert.deepEqual(items, chosen(expected));
  assert.deepEqual(await markedSentences(page), items, "the <mark>s are the summary's sentences");
  await viewMatchesInput(page);
  const stats = await page.innerText("#stats");
  assert.match(stats, new RegExp(`${expected.stats.wordsIn} → ${expected.stats.wordsOut}`));
  assert.match(stats, /English/);
  assert.match(stats, /Read as\s+News/);
  assert.match(await page.getAttribute("#stat-kind", "title"), /lead first/);
  assert.match(stats, /\d+ %/);
  assert.match(stats, /[\d.]+ ms/);
  const keywords = await page.$$eval("#keywords li", (lis) => lis.map((li) => li.firstChild.textContent));
  assert.deepEqual(keywords, expected.keywords.map((k) => k.text));
  const entities = await page.$$eval("#entities li", (lis) => lis.map((li) => li.firstChild.textContent));
  assert.deepEqual(entities, expected.entities.map((e) => e.text));
  assert.match(await page.textContent("#version"), /^\d+\.\d+\.\d+/);
  assert.equal(await backendKind(page), "worker");
  assert.ok(await page.isHidden("#error"));
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, [], "every request is same-origin");
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test("typing and pasting update the summary; the view follows the text", async () => {
  const errors = [];
  const { context, page } = await openPage(env.browser, env.url, {
    errors,
    contextOptions: { permissions: ["clipboard-read", "clipboard-write"] },
  });
  await waitForSummary(page);
  await settle(page);

  // Typing: a sentence full of the text's entities, at the end.
  let before = await summaryId(page);
  await page.click("#input");
  await page.keyboard.press("Control+End");
  const added = " Kim Jong Un, Xi Jinping and Donald Trump met in Beijing to discuss North Korea and a second summit.";
  await page.keyboard.type(added, { delay: 5 });
  await waitForSummary(page, before);
  await settle(page);
  assert.equal(await page.inputValue("#input"), sample + added);
  const typed = await reference(page, sample + added, { sentences: 3 });
  assert.deepEqual(await summaryItems(page), chosen(typed));
  assert.deepEqual(await markedSentences(page), chosen(typed));
  await viewMatchesInput(page);

  // Pasting over everything (the real clipboard, Ctrl+A, Ctrl+V).
  const pasted = article(600);
  await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
  before = await summaryId(page);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
  await waitForSummary(page, before);
  await settle(page);
  assert.equal(await page.inputValue("#input"), pasted);
  const expected = await reference(page, pasted, { sentences: 3 });
  assert.deepEqual(await summaryItems(page), chosen(expected));
  assert.deepEqual(await markedSentences(page), chosen(expected));
  await viewMatchesInput(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the length control: slider, number field, percent and words", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);

  // The slider, by keyboard: 3 -> 5 sentences.
  let before = await summaryId(page);
  await page.focus("#amount-range");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await waitForSummary(page, before);
  await settle(page);
  assert.equal(await page.inputValue("#amount-number"), "5", "the number field follows the slider");
  let expected = await reference(page, sample, { sentences: 5 });
  assert.equal((await summaryItems(page)).length, 5);
  assert.deepEqual(await summaryItems(page), chosen(expected));
  assert.deepEqual(await markedSentences(page), chosen(expected));

  // The number field: 2 sentences; the slider follows.
  before = await summaryId(page);
  await page.fill("#amount-number", "2");
  await waitForSummary(page, before);
  await settle(page);
  assert.equal(await page.inputValue("#amount-range"), "2");
  assert.deepEqual(await summaryItems(page), chosen(await reference(page, sample, { sentences: 2 })));

  // A bad number is marked invalid and changes nothing.
  await page.fill("#amount-number", "0");
  assert.equal(await page.getAttribute("#amount-number", "aria-invalid"), "true");
  await page.fill("#amount-number", "2");

  // Percent (default 20 %), then 50 %.
  before = await summaryId(page);
  await page.click('label[for="unit-percent"]');
  await waitForSummary(page, before);
  await settle(page);
  assert.equal(await page.inputValue("#amount-number"), "20");
  assert.deepEqual(await summaryItems(page), chosen(await reference(page, sample, { ratio: 0.2 })));
  before = await summaryId(page);
  await page.$eval("#amount-range", (range) => {
    range.value = "50";
    range.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await waitForSummary(page, before);
  await settle(page);
  expected = await reference(page, sample, { ratio: 0.5 });
  assert.deepEqual(await summaryItems(page), chosen(expected));
  assert.deepEqual(await markedSentences(page), chosen(expected));

  // Words (default 100).
  before = await summaryId(page);
  await page.check("#unit-words");
  await waitForSummary(page, before);
  await settle(page);
  expected = await reference(page, sample, { words: 100 });
  assert.deepEqual(await summaryItems(page), chosen(expected));
  assert.match(await page.innerText("#stats"), new RegExp(`→ ${expected.stats.wordsOut}\\b`));

  // The choice is remembered.
  await page.reload();
  await waitForSummary(page);
  assert.ok(await page.isChecked("#unit-words"));
  assert.equal(await page.inputValue("#amount-number"), "100");
  await context.close();
});

test("a length out of range says what the box takes, next to it; the summary keeps its length until the number is good", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  const threeSentences = await summaryItems(page);
  assert.equal(threeSentences.length, 3);
  assert.ok(await page.isHidden("#amount-error"));

  const expectRefused = async (value, message) => {
    await page.fill("#amount-number", value);
    assert.ok(await page.isVisible("#amount-error"), `${value}: a message`);
    assert.equal(await page.textContent("#amount-error"), message);
    assert.equal(await page.getAttribute("#amount-number", "aria-invalid"), "true");
    assert.equal(await page.getAttribute("#amount-number", "aria-describedby"), "amount-error");
    assert.equal(await page.getAttribute("#amount-error", "role"), "alert", "a screen reader hears it as it appears");
  };
  const idle = await summaryId(page);
  for (const value of ["0", "-3", "2.5"]) await expectRefused(value, "Enter a whole number of 1 or more. The summary stays at 3 sentences.");
  // A summary that comes in meanwhile (the text changed) leaves the message be.
  const text = `${sample}\n\nThe talks ended on Wednesday.`;
  const before = await setInput(page, text);
  await waitForSummary(page, before);
  await settle(page);
  assert.equal(await page.inputValue("#amount-number"), "2.5");
  assert.ok(await page.isVisible("#amount-error"), "the message outlives a new summary");
  assert.equal(await page.getAttribute("#amount-number", "aria-invalid"), "true");
  assert.deepEqual(await summaryItems(page), chosen(await reference(page, text, { sentences: 3 })), "still 3 sentences");
  assert.ok((await summaryId(page)) > idle);

  // A good number: the message goes, the summary follows.
  let previous = await summaryId(page);
  await page.fill("#amount-number", "2");
  await waitForSummary(page, previous);
  await settle(page);
  assert.ok(await page.isHidden("#amount-error"));
  assert.equal(await page.getAttribute("#amount-number", "aria-invalid"), null);
  assert.equal(await page.getAttribute("#amount-number", "aria-describedby"), null);
  assert.equal((await summaryItems(page)).length, 2);

  // Percent and words have ranges of their own.
  previous = await summaryId(page);
  await page.click('label[for="unit-percent"]');
  await waitForSummary(page, previous);
  await settle(page);
  await expectRefused("150", "Enter a whole number from 1 to 100. The summary stays at 20 %.");
  // Leaving the box puts the last good number back, and the message goes with the bad one.
  await page.focus("#language");
  assert.equal(await page.inputValue("#amount-number"), "20");
  assert.ok(await page.isHidden("#amount-error"));
  assert.equal(await page.getAttribute("#amount-number", "aria-invalid"), null);
  previous = await summaryId(page);
  await page.click('label[for="unit-words"]');
  await waitForSummary(page, previous);
  await settle(page);
  await expectRefused("5", "Enter a whole number of 10 or more. The summary stays at 100 words.");
  await context.close();
});

test("the why panel: keyboard focus, arrow keys, hover", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  const expected = await reference(page, sample, { sentences: 3 });

  // Tab from the copy buttons reaches the text view's current sentence.
  await page.focus("#copy-md");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.closest("#view") !== null), true, "Tab reaches the text view");
  assert.ok(await page.isVisible("#why"));
  assert.match(await page.innerText("#why-body"), new RegExp(`Sentence 1 of ${expected.sentences.length}`));

  // Arrow keys move to the third sentence, the first chosen one.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const third = expected.sentences[2];
  assert.equal(third.selected, true);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), third.text);
  const why = await page.innerText("#why-body");
  assert.match(why, /In the summary/);
  assert.match(why, new RegExp(`Sentence 3 of ${expected.sentences.length}, score ${third.score.toFixed(2)}`));
  for (const [name, value] of Object.entries(third.features)) {
    if (name === "penalties") continue;
    assert.match(why, new RegExp(`${name}[^]*?${value.toFixed(2)}`, "i"), `${name} ${value.toFixed(2)}`);
  }
  assert.match(why, /Penalties: /);
  // Position's hint says what a place is worth in this kind of text (news).
  assert.match(why, /where it stands — lead first/);
  // Only one sentence is in the tab order (roving tabindex).
  assert.equal(await page.$$eval('#view [tabindex="0"]', (n) => n.length), 1);

  // Hovering a sentence that was not chosen explains that one.
  const notChosen = expected.sentences.findIndex((s) => !s.selected && s.kind === "sentence");
  await page.hover(`#view [data-i="${notChosen}"]`);
  const hovered = await page.innerText("#why-body");
  assert.match(hovered, /Not chosen/);
  assert.match(hovered, new RegExp(`Sentence ${notChosen + 1} of`));

  // A click (or tap) focuses it.
  await page.click(`#view [data-i="${notChosen}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.i), String(notChosen));
  // The bars are sized through the CSSOM, which the CSP allows.
  assert.notEqual(await page.$eval("#why-body .bar span", (s) => s.getBoundingClientRect().width), 0);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test("copy puts the summary on the clipboard as plain text and as Markdown bullets, a sentence a line", async () => {
  const { context, page } = await openPage(env.browser, env.url, {
    contextOptions: { permissions: ["clipboard-read", "clipboard-write"] },
  });
  await waitForSummary(page);
  await settle(page);
  const expected = await reference(page, sample, { sentences: 3 });
  await page.click("#copy-text");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Copied"));
  // Each sentence on a line of its own, as the page lists them (and the CLI prints them).
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), chosen(expected).map((s) => `${s}\n`).join(""));
  await page.click("#copy-md");
  await page.waitForFunction(() => /Markdown/.test(document.getElementById("status").textContent));
  const markdown = chosen(expected).map((s) => `- ${s}`).join("\n") + "\n";
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), markdown);
  await context.close();
});

test("a text copied from a PDF is listed and copied a sentence a line, its hyphenated words whole", async () => {
  const { context, page } = await openPage(env.browser, env.url, {
    contextOptions: { permissions: ["clipboard-read", "clipboard-write"] },
  });
  await waitForSummary(page);
  await settle(page);
  await page.click('label[for="unit-percent"]');
  await page.fill("#amount-number", "100");
  await settle(page);
  const text = readFileSync(join(root, "tests", "fixtures", "paper-pdf.txt"), "utf8");
  const before = await setInput(page, text);
  await waitForSummary(page, before);
  await settle(page);
  const items = await summaryItems(page);
  const sentences = chosen(await reference(page, text, { ratio: 1 }));
  assert.equal(items.length, sentences.length);
  assert.ok(sentences.some((s) => s.includes("ener-\ngy")), "the fixture has what this test is about");
  items.forEach((item, k) => {
    assert.doesNotMatch(item, /[\n\r]|\p{L}- \p{L}/u, "one line, no word cut in two");
    // Only line breaks, and hyphens at them, went.
    const letters = (s) => s.replace(/[\s-]/g, "");
    assert.equal(letters(item), letters(sentences[k]));
  });
  for (const sentence of [
    "We present a method for estimating the energy use of data centres from public records alone.",
    // The text writes "Self-supervised" elsewhere, so "self-\nsupervised" keeps its hyphen...
    "Our self-supervised model learns from 214 sites whose consumption is known and predicts the rest within 11% on average.",
    // ...as does a word with a hyphen before the break.
    "The model reads each record as a set of state-of-the-art features: floor area, connection capacity, permitted water draw and the year of construction.",
  ]) {
    assert.ok(items.includes(sentence), sentence);
  }
  await page.click("#copy-text");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Copied"));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), items.map((s) => `${s}\n`).join(""));
  await page.click("#copy-md");
  await page.waitForFunction(() => /Markdown/.test(document.getElementById("status").textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), items.map((s) => `- ${s}`).join("\n") + "\n");
  // A soft hyphen at a line break goes; elsewhere it stays, as the text has it.
  const soft = "The ener\u00ad\ngy use of data centres grew fast. It doubled in ten\u00adyears.";
  const id = await setInput(page, soft);
  await waitForSummary(page, id);
  await settle(page);
  assert.deepEqual(await summaryItems(page), ["The energy use of data centres grew fast.", "It doubled in ten\u00adyears."]);
  await context.close();
});

test("a quoted reply is listed without its quotation marks, a sentence a line; \">50%\" and \"a > b\" stay", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  await page.click('label[for="unit-percent"]');
  await page.fill("#amount-number", "100");
  await settle(page);
  const text =
    "Anna wrote:\n\n> The report shows revenue grew\n> compared with last year.\n" +
    "> Costs fell by a tenth, and >50% of the\n> stores, where a > b, stayed open.\n\nThanks for the note.";
  const before = await setInput(page, text);
  await waitForSummary(page, before);
  await settle(page);
  const sentences = chosen(await reference(page, text, { ratio: 1 }));
  // (The marks that open a unit lie outside it; those of its later lines stay in it.)
  assert.ok(sentences.includes("The report shows revenue grew\n> compared with last year."), "the quoted lines are one sentence");
  assert.deepEqual(await summaryItems(page), [
    "Anna wrote:",
    "The report shows revenue grew compared with last year.",
    "Costs fell by a tenth, and >50% of the stores, where a > b, stayed open.",
    "Thanks for the note.",
  ]);
  await context.close();
});

test("an interview reads as a dialogue: its answers summarized, the stats say so", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  const text = readFileSync(join(root, "tests", "fixtures", "interview-harbour.txt"), "utf8");
  const before = await setInput(page, text);
  await waitForSummary(page, before);
  await settle(page);
  const expected = await reference(page, text, { sentences: 3 });
  assert.equal(expected.kind, "conversation");
  assert.deepEqual(await summaryItems(page), chosen(expected));
  assert.equal(await page.textContent("#stat-kind"), "Dialogue");
  assert.match(await page.getAttribute("#stat-kind", "title"), /interview/);
  for (const item of await summaryItems(page)) assert.doesNotMatch(item, /\?$/, "no question");
  await page.hover(`#view [data-i="0"]`);
  assert.match(await page.innerText("#why-body"), /where it stands — an interview, transcript or chat/);
  await context.close();
});

test("a dropped .md file and opened .txt and .srt files are summarized, without timestamps or sources; other files are refused", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  // Markdown with a code block, which the why panel names as such.
  const text = `${article(400)}\n\n\`\`\`sh\nmake demo\n\`\`\`\n`;

  const before = await summaryId(page);
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], "dropped.md", { type: "text/markdown" }));
    return dt;
  }, text);
  await page.dispatchEvent("#input", "dragenter", { dataTransfer });
  await page.dispatchEvent("#input", "dragover", { dataTransfer });
  assert.ok(await page.isVisible(".drop-hint"), "the drop zone shows itself");
  await page.dispatchEvent("#input", "drop", { dataTransfer });
  await waitForSummary(page, before);
  await settle(page);
  assert.equal(await page.inputValue("#input"), text);
  assert.deepEqual(await summaryItems(page), chosen(await reference(page, text, { sentences: 3 })));
  assert.match(await page.textContent("#status"), /Opened “dropped\.md”/);
  assert.ok(await page.isHidden(".drop-hint"));
  const units = (await reference(page, text, { sentences: 3 })).sentences;
  const code = units.findIndex((s) => s.kind === "code");
  assert.equal(code, units.length - 1, "the fenced block is the last unit");
  await page.hover(`#view [data-i="${code}"]`);
  assert.match(await page.innerText("#why-body"), /Code, front matter or a table row: never part of a summary\./);

  // A picture is refused, and the text stays.
  const png = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], "photo.png", { type: "image/png" }));
    return dt;
  }, PNG_START);
  await page.dispatchEvent("#input", "drop", { dataTransfer: png });
  await page.waitForFunction(() => /photo\.png/.test(document.getElementById("status").textContent));
  assert.match(await page.textContent("#status"), /holds binary data, not text, so it was not opened/);
  assert.equal(await page.inputValue("#input"), text);

  // "Open file…" opens the file picker; the file's text replaces the input.
  const pick = async (name, mimeType, content) => {
    const before = await summaryId(page);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
    await chooser.setFiles({ name, mimeType, buffer: Buffer.from(content) });
    await waitForSummary(page, before);
    await settle(page);
    assert.equal(await page.inputValue("#input"), content);
  };
  const notes = "The council approved the budget on Monday. Parks get more money. The mayor thanked the volunteers.";
  await pick("notes.txt", "text/plain", notes);
  assert.equal((await summaryItems(page)).length, 3);

  // An article copied with its references: the sources are units of their own,
  // never summarized, and the panel says so.
  const copied =
    "The council approved the budget on Monday.[1] Parks get more money this year.[2] " +
    "The mayor thanked the volunteers who cleaned the river.\n\nReferences\n\n" +
    "1. ^ Smith, Jane (2024). City Budget. Springfield: Town Press. p. 4.\n" +
    "2. ^ \"Parks plan\". Springfield Herald. Retrieved 3 May 2024.\n";
  await pick("article.txt", "text/plain", copied);
  assert.ok((await summaryItems(page)).every((s) => !s.includes("^")), "a source was summarized");
  const articleUnits = (await reference(page, copied, { sentences: 3 })).sentences;
  assert.deepEqual(
    articleUnits.map((s) => s.kind),
    ["sentence", "sentence", "sentence", "heading", "reference", "reference"],
  );
  await page.hover(`#view [data-i="4"]`);
  assert.match(await page.innerText("#why-body"), /A source in a copied list of references: never part of a summary\./);

  // Subtitles, whose type the browser does not know: the timing lines are
  // never summarized, and the why panel says what they are.
  const subtitles = [
    "The council approved the budget on Monday.",
    "Parks get more money this year.",
    "The mayor thanked the volunteers who cleaned the river.",
    "The river will be tested again in the spring.",
  ]
    .map((cue, i) => `${i + 1}\n00:00:0${2 * i},000 --> 00:00:0${2 * i + 1},500\n${cue}\n`)
    .join("\n");
  await pick("meeting.srt", "application/x-subrip", subtitles);
  const items = await summaryItems(page);
  assert.equal(items.length, 3);
  assert.ok(items.every((s) => !/-->/.test(s)), `a timing line was summarized: ${items}`);
  const cueUnits = (await reference(page, subtitles, { sentences: 3 })).sentences;
  assert.deepEqual(
    cueUnits.map((s) => s.kind),
    ["timestamp", "sentence", "timestamp", "sentence", "timestamp", "sentence", "timestamp", "sentence"],
  );
  await page.hover(`#view [data-i="0"]`);
  assert.match(await page.innerText("#why-body"), /A timestamp \(subtitles, transcripts, a chat's header\): never part of a summary\./);

  // An empty file and a binary one named .txt are refused, and the text stays.
  const refuse = async (name, buffer, message) => {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
    await chooser.setFiles({ name, mimeType: "text/plain", buffer });
    await page.waitForFunction((n) => document.getElementById("status").textContent.includes(n), name);
    assert.match(await page.textContent("#status"), message);
    assert.equal(await page.inputValue("#input"), subtitles, `${name} left the text alone`);
  };
  await refuse("empty.txt", Buffer.alloc(0), /“empty\.txt” has no text in it, so it was not opened/);
  await refuse("blank.txt", Buffer.from(" \n\t\n"), /“blank\.txt” has no text in it/);
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  await refuse("data.txt", binary, /“data\.txt” holds binary data, not text, so it was not opened/);

  // A file in a legacy encoding (Latin-1) reads as it should, and the user is told.
  const french = "Le café était fermé à Genève. L'été dure, ça va très bien. Où est la gare ?";
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
  let before2 = await summaryId(page);
  await chooser.setFiles({ name: "notes-latin1.txt", mimeType: "text/plain", buffer: Buffer.from(french, "latin1") });
  await waitForSummary(page, before2);
  assert.equal(await page.inputValue("#input"), french);
  assert.match(await page.textContent("#status"), /Opened “notes-latin1\.txt”\. It is not UTF-8; it was read as windows-1252/);
  // UTF-16 with a byte order mark, as Windows Notepad saves "Unicode".
  const [chooser16] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
  before2 = await summaryId(page);
  const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(notes, "utf16le")]);
  await chooser16.setFiles({ name: "notes16.txt", mimeType: "text/plain", buffer: bom });
  await waitForSummary(page, before2);
  assert.equal(await page.inputValue("#input"), notes);
  // The text a file replaced comes back with Undo.
  await page.click("#undo");
  assert.equal(await page.inputValue("#input"), french);
  await context.close();
});

test("a text file of any name opens (README, LICENSE); binary data of any name is refused and the text kept", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  assert.equal(await page.getAttribute("#file", "accept"), null, "the file picker hides no file for its name");

  // Opened with the picker: the browser knows no type for a name without an extension.
  const readme = "The council approved the budget on Monday. Parks get more money. The mayor thanked the volunteers.";
  let before = await summaryId(page);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
  await chooser.setFiles({ name: "README", mimeType: "", buffer: Buffer.from(readme) });
  await waitForSummary(page, before);
  await settle(page);
  assert.equal(await page.inputValue("#input"), readme);
  assert.match(await page.textContent("#status"), /Opened “README”\./);

  // Dropped.
  const license = "Permission is granted to anyone to use this software. The software is provided as is. No warranty is given.";
  const drop = (name, content) =>
    page.evaluateHandle(
      ([n, c]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([typeof c === "string" ? c : new Uint8Array(c)], n));
        return dt;
      },
      [name, content],
    );
  before = await summaryId(page);
  await page.dispatchEvent("#input", "drop", { dataTransfer: await drop("LICENSE", license) });
  await waitForSummary(page, before);
  await settle(page);
  assert.equal(await page.inputValue("#input"), license);

  // A picture, and bytes without a NUL that are no text either, named like text: refused.
  const noNul = Array.from({ length: 4096 }, (_, i) => 1 + ((i * 7919) % 255));
  for (const [name, bytes] of [["NOTES", PNG_START], ["CHANGES", noNul]]) {
    await page.dispatchEvent("#input", "drop", { dataTransfer: await drop(name, bytes) });
    await page.waitForFunction((n) => document.getElementById("status").textContent.includes(`“${n}”`), name);
    assert.match(await page.textContent("#status"), new RegExp(`“${name}” holds binary data, not text, so it was not opened`));
    assert.equal(await page.inputValue("#input"), license, `${name} left the text alone`);
  }
  await context.close();
});

test("a WebVTT file reads as its cues, its voices as speakers' labels; an SRT file loses its markup", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  const open = async (file) => {
    const before = await summaryId(page);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
    await chooser.setFiles(file);
    await waitForSummary(page, before);
    await settle(page);
    return page.inputValue("#input");
  };
  const cues = await open(join(root, "tests", "fixtures", "interview-harbour.vtt"));
  assert.ok(cues.startsWith("00:00:01.000 --> 00:00:03.000\nInterviewer: Thanks for joining us.\n\n00:00:04.000"), cues.slice(0, 120));
  for (const left of ["WEBVTT", "NOTE", "STYLE", "::cue", "intro", "<v", "</v>", "<i>", "\n\n\n"]) {
    assert.ok(!cues.includes(left), `${JSON.stringify(left)} is in the text`);
  }
  assert.match(cues, /\nHanna Voss: The big change is the new tidal gate\./);
  assert.match(cues, /at a cost of €31 million\. The old gate\n/);
  assert.equal(await page.textContent("#stat-kind"), "Dialogue");
  assert.deepEqual(await summaryItems(page), chosen(await reference(page, cues, { sentences: 3 })).map((s) => s.replaceAll("\n", " ")));
  assert.ok((await summaryItems(page)).every((s) => !/-->/.test(s)), "a timing line was summarized");

  // A file that opens with "WEBVTT" is one, whatever its name; its character
  // references are read, and nothing in it is markup.
  const notes = "WEBVTT\n\n1\n00:01.000 --> 00:04.000\n<v.loud Anna Smith>Rates &lt;4% &amp; <b>rising</b>: <img src=x onerror=alert(1)>we act now.</v>\n";
  assert.equal(
    await open({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from(notes) }),
    "00:01.000 --> 00:04.000\nAnna Smith: Rates <4% & rising: we act now.\n",
  );
  const srt = '1\r\n00:00:01,000 --> 00:00:04,000\r\n<i>Welcome back</i> to <font color="#ffffff">the show.</font>\r\n\r\n2\r\n00:00:05,000 --> 00:00:07,000\r\nThe bridge opens on Monday.\r\n';
  assert.equal(
    await open({ name: "show.srt", mimeType: "application/x-subrip", buffer: Buffer.from(srt) }),
    "1\n00:00:01,000 --> 00:00:04,000\nWelcome back to the show.\n\n2\n00:00:05,000 --> 00:00:07,000\nThe bridge opens on Monday.\n",
  );
  assert.equal(await page.$$eval("#view img, #view b, #view i, #view font", (n) => n.length), 0);
  await context.close();
});

test("the why panel numbers and ranks a subtitle's sentences among themselves; a timing line says what it is", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  const subtitles = [
    "The council approved the budget on Monday.",
    "Parks get more money this year.",
    "The mayor thanked the volunteers who cleaned the river.",
    "The river will be tested again in the spring.",
  ]
    .map((cue, i) => `${i + 1}\n00:00:0${2 * i},000 --> 00:00:0${2 * i + 1},500\n${cue}\n`)
    .join("\n");
  const before = await setInput(page, subtitles);
  await waitForSummary(page, before);
  await settle(page);
  const units = (await reference(page, subtitles, { sentences: 3 })).sentences;
  const sentences = units.filter((s) => s.kind !== "timestamp");
  assert.equal(units[0].kind, "timestamp");
  assert.ok(sentences.length > 0 && sentences.length < units.length);

  await page.hover(`#view [data-i="0"]`);
  const timing = await page.innerText("#why-body");
  assert.match(timing, /A timestamp \(subtitles, transcripts, a chat's header\): never part of a summary\./);
  assert.doesNotMatch(timing, /Sentence|score|ranked|Salience/);

  // The best sentence is ranked 1 and the first is "Sentence 1", counted without the timing lines.
  const best = units.indexOf(sentences.reduce((a, b) => (b.score > a.score ? b : a)));
  await page.hover(`#view [data-i="${best}"]`);
  const why = await page.innerText("#why-body");
  assert.match(why, new RegExp(`Sentence ${sentences.indexOf(units[best]) + 1} of ${sentences.length}, score [0-9.]+, ranked 1\\.`));
  await page.hover(`#view [data-i="1"]`);
  const first = await page.innerText("#why-body");
  const rank = 1 + sentences.filter((s) => s.score > units[1].score).length;
  assert.match(first, new RegExp(`Sentence 1 of ${sentences.length}, score [0-9.]+, ranked ${rank}\\.`));
  await context.close();
});

test("a saved web page reads as its story, as the command line reads it", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  // The story as plain text, and four pages that hold it: one marks it as an
  // article; an older one has none, only a table of links, teasers, the story in two
  // parts around an advertisement, comments and a footer; the oldest writes it as
  // text broken with <br><br> beside a block of short paragraphs; a blog's has a share
  // bar and a hidden transcript in it, and a comment thread of articles and a sidebar beside it, known by
  // their classes and role (tests/cli.rs reads the same files and expects the same
  // text).
  const story = readFileSync(join(root, "tests/fixtures/news-bridge.txt"), "utf8").trim();
  for (const name of ["news-bridge.html", "news-bridge-old.html", "news-bridge-breaks.html", "news-bridge-comments.html"]) {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
    await chooser.setFiles(join(root, "tests/fixtures", name));
    // (The second gives the same text as the first: no new summary to wait for.)
    await page.waitForFunction((n) => document.getElementById("status").textContent.includes(`Opened “${n}”`), name);
    assert.equal(await page.inputValue("#input"), story, name);
  }
  // The same page saved as XHTML (the CLI reads .xhtml as a page too).
  await page.click("#clear");
  const [chooserX] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
  const xhtml = readFileSync(join(root, "tests/fixtures/news-bridge.html"));
  await chooserX.setFiles({ name: "news-bridge.xhtml", mimeType: "application/xhtml+xml", buffer: xhtml });
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("“news-bridge.xhtml”"));
  assert.equal(await page.inputValue("#input"), story, "news-bridge.xhtml");
  // A <title> that stands in the body (old filings have one there) is not read there
  // either, as in the CLI: a browser never shows it.
  const [chooserT] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
  const titled = "<html><body><title>FORM 10-K ANNUAL REPORT</title><p>The company sold more pumps this year than in any year before.</p></body></html>";
  await chooserT.setFiles({ name: "filing.html", mimeType: "text/html", buffer: Buffer.from(titled) });
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("“filing.html”"));
  assert.equal(await page.inputValue("#input"), "The company sold more pumps this year than in any year before.");
  // A short story is read again without the marks of what stands beside it, as in the
  // CLI; what is hidden stays out all the same.
  const [chooserH] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
  const short =
    "<article><p>The museum reopened on Friday after a two-year renovation.</p><div hidden><p>Hidden text.</p></div>" +
    '<div style="display:none">Not shown.</div><div class=comments><p>What a waste of money.</p></div></article>';
  await chooserH.setFiles({ name: "museum.html", mimeType: "text/html", buffer: Buffer.from(short) });
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("“museum.html”"));
  assert.equal(await page.inputValue("#input"), "The museum reopened on Friday after a two-year renovation.\n\nWhat a waste of money.");
  // A UTF-8 file with one bad byte keeps its letters, and the user is told.
  const before = await summaryId(page);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
  const notes = "Zoë met the council in Genève. The vote \u2014 seven to two \u2014 was close.";
  const bytes = Buffer.concat([Buffer.from(notes), Buffer.from([0xff]), Buffer.from(" The end.")]);
  await chooser.setFiles({ name: "notes.txt", mimeType: "text/plain", buffer: bytes });
  await waitForSummary(page, before);
  assert.equal(await page.inputValue("#input"), `${notes}\uFFFD The end.`);
  assert.match(await page.textContent("#status"), /It is not valid UTF-8: 1 bad byte became \uFFFD\./);
  await context.close();
});

test("pasted HTML stays text: the XSS payload is inert", async () => {
  const dialogs = [];
  const { context, page } = await openPage(env.browser, env.url);
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await waitForSummary(page);
  await settle(page);
  const payload =
    '<img src=x onerror=alert(1)> The <b>payload</b> sits in the first sentence. ' +
    "<script>alert(2)</script> A second sentence follows it here. " +
    '<a href="javascript:alert(3)">click</a> And <svg onload=alert(4)> a third one ends.';
  const before = await setInput(page, payload);
  await waitForSummary(page, before);
  await settle(page);
  await page.waitForTimeout(300);
  const found = await page.evaluate(() =>
    [...document.querySelectorAll("#summary *, #view *, #why-body *")].map((n) => n.tagName.toLowerCase()).filter((t) => !["ol", "li", "mark", "span", "p", "strong", "dl", "dt", "dd", "div"].includes(t)),
  );
  assert.deepEqual(found, [], "no element made from the text");
  assert.equal(await page.textContent("#view"), payload, "shown verbatim, as text");
  assert.match((await summaryItems(page)).join(" "), /<img src=x onerror=alert\(1\)>/);
  assert.deepEqual(dialogs, []);
  assert.ok(!requests.some((p) => p === "/x"), "the <img> was never loaded");
  await context.close();
});

test("the draft survives a reload; Clear removes it; Sample brings the sample back", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  const draft = "My own notes about the harbor project. The council met twice. Funding was approved.";
  await page.fill("#input", draft);
  await page.waitForFunction((d) => localStorage.getItem("abridge.draft") === d, draft);
  await page.reload();
  await waitForSummary(page);
  await settle(page);
  assert.equal(await page.inputValue("#input"), draft);
  assert.deepEqual(await summaryItems(page), (await reference(page, draft, { sentences: 3 })).sentences.map((s) => s.text));

  await page.click("#clear");
  assert.equal(await page.inputValue("#input"), "");
  assert.equal(await page.evaluate(() => localStorage.getItem("abridge.draft")), null);
  await page.waitForFunction(() => /Paste or type/.test(document.getElementById("summary").textContent));
  assert.equal(await page.evaluate(() => document.getElementById("view").textContent), "");
  assert.ok(await page.isDisabled("#copy-text"));

  // A Clear by mistake is undone: with the Undo button, which then goes away...
  assert.match(await page.textContent("#status"), /Undo brings back your text/);
  await page.click("#undo");
  assert.equal(await page.inputValue("#input"), draft);
  assert.ok(await page.isHidden("#undo"));
  assert.equal(await page.evaluate(() => document.activeElement.id), "input");
  await page.waitForFunction((d) => localStorage.getItem("abridge.draft") === d, draft);
  await page.waitForFunction(() => document.querySelectorAll("#summary li").length === 3);
  // ...or with Ctrl+Z in the text; the same for the Sample button, which replaces the text.
  await page.click("#load-sample");
  assert.equal(await page.inputValue("#input"), sample);
  assert.ok(await page.isVisible("#undo"));
  await page.keyboard.press("Control+Z");
  assert.equal(await page.inputValue("#input"), draft);
  await page.waitForFunction((d) => localStorage.getItem("abridge.draft") === d, draft);
  await page.click("#clear");
  await page.keyboard.press("Control+Z");
  assert.equal(await page.inputValue("#input"), draft);
  // Once the user edits, Undo is the browser's own again.
  await page.click("#clear");
  await page.keyboard.type("New");
  assert.ok(await page.isHidden("#undo"));
  await page.keyboard.press("Control+Z");
  assert.notEqual(await page.inputValue("#input"), draft);
  await page.click("#clear");
  await page.reload();
  await waitForSummary(page);
  assert.equal(await page.inputValue("#input"), "", "a cleared text stays cleared");
  assert.ok(!(await page.evaluate(() => Object.values(localStorage).join(" "))).includes("harbor"), "nothing of it is stored");

  await page.click("#load-sample");
  await page.waitForFunction(() => document.querySelectorAll("#summary li").length === 3);
  assert.equal(await page.inputValue("#input"), sample);
  await context.close();
});

test("after Clear, a reload shows the empty text's summary, without numbers", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  const shown = () =>
    page.evaluate(() => ({
      summary: document.getElementById("summary").textContent.trim(),
      stats: [...document.querySelectorAll("#stats dd")].map((dd) => dd.textContent),
    }));
  const empty = { summary: "Paste or type some text to see its summary.", stats: ["–", "–", "–", "–", "–"] };
  const before = await summaryId(page);
  await page.click("#clear");
  await waitForSummary(page, before);
  await settle(page);
  assert.deepEqual(await shown(), empty);
  await page.reload();
  await waitForSummary(page);
  await settle(page);
  // (Not "Loading the summarizer…" until the first keystroke.)
  assert.deepEqual(await shown(), empty);
  await context.close();
});

test("Sample keeps the user's draft: a reload brings it back until the sample is changed", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  const draft = "My notes on the tram depot. The depot opens in May. Drivers were hired in March.";
  await page.fill("#input", draft);
  // At once, before the draft's pause: its last keystrokes are saved too.
  await page.click("#load-sample");
  assert.equal(await page.inputValue("#input"), sample);
  assert.match(await page.textContent("#status"), /Your text stays saved until you change the sample: Undo, or a reload, brings it back\./);
  assert.equal(await page.evaluate(() => localStorage.getItem("abridge.draft")), draft);
  await page.reload();
  await waitForSummary(page);
  assert.equal(await page.inputValue("#input"), draft);

  // Once the sample is edited, the edit is the draft.
  await page.click("#load-sample");
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Edited.");
  await page.waitForFunction(() => (localStorage.getItem("abridge.draft") ?? "").endsWith(" Edited."));
  await page.reload();
  await waitForSummary(page);
  assert.equal(await page.inputValue("#input"), `${sample} Edited.`);
  await context.close();
});

test("once the user types, the status line no longer offers Undo", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  await page.click("#clear");
  assert.match(await page.textContent("#status"), /Undo brings back your text/);
  await page.keyboard.type("N");
  assert.ok(await page.isHidden("#undo"));
  // Gone with the button, not seconds later.
  assert.equal(await page.textContent("#status"), "");
  // Another message stays while the user types.
  await page.click("#load-sample");
  await page.click("#copy-text");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Copied"));
  await page.focus("#input");
  await page.keyboard.type("N");
  assert.match(await page.textContent("#status"), /^Copied/);
  await context.close();
});

test("a failed wasm load is explained on the page", async () => {
  const { context, page } = await openPage(env.browser, null);
  await context.route("**/abridge_bg.wasm", (route) => route.abort("failed"));
  await page.goto(env.url);
  await page.waitForSelector("#error:not([hidden])");
  assert.match(await page.textContent("#error"), /summarizer could not be loaded/i);
  assert.match(await page.textContent("#summary"), /No summary/);
  assert.equal(await page.getAttribute("html", "data-state"), "error");
  await page.screenshot({ path: screenshotPath("page-error.png") });
  await context.close();
});
