// Accessibility and looks: axe-core (no serious or critical violations), keyboard
// focus that is visible on every control, no sideways scrolling at 360 px, and
// screenshots of desktop and phone in light and dark under target/screenshots/.
//
// Needs the npm package axe-core (npm install --no-save axe-core@4.14.1 until it
// is in package.json).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { openPage, root, screenshotPath, setInput, settle, start, waitForSummary } from "./helpers.mjs";

const axePath = join(root, "node_modules", "axe-core", "axe.min.js");
let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const VARIANTS = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
];

for (const variant of VARIANTS) {
  for (const scheme of ["light", "dark"]) {
    test(`${variant.name} ${scheme}: axe finds nothing serious, no sideways scroll, screenshot`, async () => {
      assert.ok(existsSync(axePath), "axe-core is not installed: npm install --no-save axe-core@4.14.1 (or add it to devDependencies)");
      const { context, page } = await openPage(env.browser, env.url, {
        viewport: variant.viewport,
        contextOptions: {
          colorScheme: scheme,
          isMobile: variant.isMobile ?? false,
          hasTouch: variant.hasTouch ?? false,
          // Only so that axe can be injected as an inline script; the page's own CSP is tested elsewhere.
          bypassCSP: true,
        },
      });
      await waitForSummary(page);
      await settle(page);
      await page.screenshot({ path: screenshotPath(`page-${variant.name}-${scheme}-top.png`) });
      // Show the why panel for the first chosen sentence: tap on the phone, focus on the desktop.
      if (variant.hasTouch) await page.tap("#view mark");
      else await page.focus("#view mark");
      await page.waitForFunction(() => /In the summary/.test(document.getElementById("why-body").textContent));

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const dark = await page.evaluate((bg) => {
        const [r, g, b] = bg.match(/\d+/g).map(Number);
        return (r + g + b) / 3 < 128;
      }, background);
      assert.equal(dark, scheme === "dark", `the ${scheme} theme is applied (${background})`);

      await page.screenshot({ path: screenshotPath(`page-${variant.name}-${scheme}.png`), fullPage: true });

      await page.addScriptTag({ content: readFileSync(axePath, "utf8") });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ["violations"] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
        }));
      });
      const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad, [], JSON.stringify(bad, null, 2));
      if (violations.length > 0) console.log(`${variant.name} ${scheme}: minor axe findings`, JSON.stringify(violations));
      await context.close();
    });
  }
}

test("at 360 px a long URL wraps, and right-to-left paragraphs read right to left", async () => {
  const { context, page } = await openPage(env.browser, env.url, {
    viewport: { width: 360, height: 740 },
    contextOptions: { isMobile: true, hasTouch: true },
  });
  await waitForSummary(page);
  await settle(page);
  const url = `https://example.com/${"averylongpathsegment".repeat(12)}?q=${"x".repeat(80)}`;
  const arabic =
    "ذهب الرئيس إلى المدينة يوم الاثنين لافتتاح الجسر الجديد. وقال إن الجسر سيخدم آلاف السكان كل يوم. " +
    "وبلغت تكلفة المشروع مئة مليون دولار.";
  const text = `The harbor report is at ${url} for the council. The council met on Monday about the harbor.\n\n${arabic}`;
  const before = await setInput(page, text);
  await waitForSummary(page, before);
  await page.$eval("#amount-number", (n) => {
    n.value = "10";
    n.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll("#summary li").length === 5);
  await settle(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `a long URL makes the page scroll sideways by ${overflow}px`);
  await page.screenshot({ path: screenshotPath("page-phone-rtl.png"), fullPage: true });

  // Which side each sentence starts on: an Arabic one on the right, an English one on the left.
  const sides = await page.evaluate(() => {
    const side = (box, node) => {
      const range = document.createRange();
      range.setStart(node.firstChild, 0);
      range.setEnd(node.firstChild, 1);
      const first = range.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      return first.left + first.right < b.left + b.right ? "left" : "right";
    };
    const items = [...document.querySelectorAll("#summary li")].map((li) => [li.textContent.slice(0, 3), side(li, li)]);
    const view = document.getElementById("view");
    const marks = [...view.querySelectorAll("[data-i]")].map((s) => [s.textContent.slice(0, 3), side(view, s)]);
    return { items, marks };
  });
  for (const [start, side] of [...sides.items, ...sides.marks]) {
    assert.equal(side, /[\u0600-\u06ff]/.test(start) ? "right" : "left", `"${start}…" starts on the ${side}`);
  }
  assert.equal(await page.$eval("#input", (t) => getComputedStyle(t).unicodeBidi), "plaintext", "the textarea follows each paragraph's direction");
  await context.close();
});

test("every control is reachable by Tab, labelled, and shows a visible focus ring", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  const seen = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const a = document.activeElement;
      // A radio is drawn by its label; the ring is on the label.
      const drawn = a.matches('input[type="radio"]') ? document.querySelector(`label[for="${a.id}"]`) : a;
      const style = getComputedStyle(drawn);
      const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
      const name = a.labels?.[0]?.textContent ?? a.getAttribute("aria-label") ?? a.textContent;
      return { id: a.id || (a.closest("#view") ? "view-sentence" : a.closest("#summary li") ? "summary-item" : a.tagName), ring, name: (name ?? "").trim().slice(0, 40) };
    });
    seen.push(info);
    if (info.id === "view-sentence") break;
  }
  const ids = seen.map((s) => s.id);
  for (const id of ["input", "open-file", "load-sample", "clear", "unit-sentences", "amount-range", "amount-number", "language", "summary-item", "copy-text", "copy-md", "view-sentence"]) {
    assert.ok(ids.includes(id), `Tab reaches ${id} (got ${ids.join(", ")})`);
  }
  assert.equal(ids.filter((id) => id === "summary-item").length, 1, "the summary list is one Tab stop");
  for (const s of seen) {
    assert.ok(s.ring, `${s.id} shows a focus ring`);
    assert.ok(s.name.length > 0, `${s.id} has a name`);
  }
  // The skip link comes first and leads to the summary.
  assert.equal(seen[0].id, "A", "the skip link is first");
  await page.reload();
  await waitForSummary(page);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "summary-heading");
  await context.close();
});

test("the summary list is one Tab stop: arrow keys move, Enter or Space shows the sentence in the text", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  const state = () =>
    page.evaluate(() => {
      const items = [...document.querySelectorAll("#summary li")];
      const a = document.activeElement;
      return {
        count: items.length,
        focused: items.indexOf(a),
        stops: items.flatMap((li, k) => (li.tabIndex === 0 ? [k] : [])),
        view: a.closest("#view") ? a.dataset.i : null,
        id: a.id,
      };
    });
  const itemAt = (k) => page.$eval(`#summary li:nth-child(${k + 1})`, (li) => li.dataset.i);
  const n = (await state()).count;
  assert.ok(n >= 3, `the sample's summary has ${n} sentences`);

  // One Tab stop, the first item, between the language and the copy buttons.
  await page.focus("#language");
  await page.keyboard.press("Tab");
  assert.deepEqual(await state(), { count: n, focused: 0, stops: [0], view: null, id: "" }, "Tab lands on the first summary item");
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      const bg = getComputedStyle(document.body).backgroundColor;
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, bg };
    });
    assert.ok(ring.style !== "none" && ring.width >= 2 && ring.color !== ring.bg, `${scheme}: the focused item shows a ring (${JSON.stringify(ring)})`);
  }
  await page.keyboard.press("Tab");
  assert.equal((await state()).id, "copy-text", "the next Tab leaves the list");

  // Arrow keys, Home and End move the one stop.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(await state(), { count: n, focused: 1, stops: [1], view: null, id: "" });
  await page.keyboard.press("End");
  assert.deepEqual((await state()).stops, [n - 1]);
  assert.equal((await state()).focused, n - 1);
  await page.keyboard.press("ArrowDown");
  assert.equal((await state()).focused, n - 1, "ArrowDown on the last item stays there");
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowUp");
  assert.equal((await state()).focused, 0, "ArrowUp on the first item stays there");

  // Enter and Space do what a click does: the sentence in the text gets the focus.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.equal((await state()).view, await itemAt(1), "Enter shows the item's sentence in the text");
  await page.waitForFunction(() => /In the summary/.test(document.getElementById("why-body").textContent));
  // Back in the list, the stop is where it was left.
  for (let i = 0; i < 6 && (await state()).focused < 0; i++) await page.keyboard.press("Shift+Tab");
  assert.deepEqual((await state()).focused, 1, "Shift+Tab returns to the item left");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press(" ");
  assert.equal((await state()).view, await itemAt(2), "Space shows the item's sentence in the text");
  assert.equal(await page.$eval("#summary li:nth-child(3)", (li) => li.tabIndex), 0);

  // A new summary while the focus is in the list: the stop and the focus are on an item of the new list.
  await page.focus("#summary li:nth-child(3)");
  const before = await setInput(page, "The bridge opened on Monday. The mayor spoke at the bridge.");
  await waitForSummary(page, before);
  await settle(page);
  const after = await state();
  assert.ok(after.count >= 1 && after.count < n, `the new summary has ${after.count} sentences`);
  assert.equal(after.stops.length, 1, `one Tab stop in the new list (${after.stops})`);
  assert.equal(after.focused, after.stops[0], "the focus stays in the list, on its Tab stop");
  await context.close();
});

test("by keyboard, \"Show all\" and \"Show more\" leave the focus on what they revealed", async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await waitForSummary(page);
  await settle(page);
  // 500 different sentences (a repeated text would lose its repeats), 45,000 characters.
  const places = ["harbor", "bridge", "station", "market", "library", "stadium", "airport", "school", "museum", "hospital"];
  const text = Array.from(
    { length: 500 },
    (_, i) => `Report ${i + 1}: the ${places[i % 10]} in district ${Math.floor(i / 10) + 1} needs ${i * 7 + 3} new workers by ${1990 + (i % 37)}.`,
  ).join(" ");
  const before = await setInput(page, text);
  await waitForSummary(page, before);
  await page.click('label[for="unit-percent"]');
  await page.fill("#amount-number", "100");
  await page.waitForSelector("#summary > button");
  await settle(page);

  await page.focus("#summary > button");
  await page.keyboard.press("Enter");
  const shown = await page.evaluate(() => [document.querySelectorAll("#summary li").length, document.activeElement.closest("li")?.textContent]);
  assert.ok(shown[0] > 200);
  assert.equal(shown[1], await page.$eval("#summary li:nth-child(201)", (li) => li.textContent), "the focus is on the first sentence revealed");
  const stops = () => page.$$eval("#summary li", (items) => items.flatMap((li, k) => (li.tabIndex === 0 ? [k + 1] : [])));
  assert.deepEqual(await stops(), [201], "the revealed item is the list's one Tab stop");
  await page.keyboard.press("ArrowUp");
  assert.deepEqual(await stops(), [200]);
  assert.equal(await page.evaluate(() => document.activeElement.closest("#summary li")?.tabIndex), 0, "ArrowUp moves the focus with the stop");

  await page.focus("#view-more-button");
  const rendered = await page.$$eval("#view [data-i]", (s) => s.length);
  await page.keyboard.press("Enter");
  assert.ok(await page.isHidden("#view-more"), "the whole text is shown");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.i), String(rendered), "the focus is on the first sentence revealed");
  await context.close();
});

test("the <noscript> line explains that the page needs JavaScript", async () => {
  const { context, page } = await openPage(env.browser, env.url, { contextOptions: { javaScriptEnabled: false } });
  assert.match(await page.innerText("body"), /needs JavaScript/);
  await context.close();
});
