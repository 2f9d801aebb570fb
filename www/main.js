// abridge's page: the one ES module. No framework, no bundler.
//
// The summarizer (pkg/abridge.js + pkg/abridge_bg.wasm, the package's `web` build)
// runs in a module Web Worker (worker.js). This module compiles the wasm once,
// hands the compiled module to the worker, and keeps at most one job in flight:
// requests are debounced while typing, the newest request replaces any waiting
// one, results of stale requests are dropped, and a long job whose input has
// changed is cut short by restarting the worker. So typing never waits on the
// summarizer, even with a megabyte of text.
//
// In the single-file build (dist/abridge.html, made by scripts/site.mjs) the
// package is inlined and `globalThis.abridgeInline` holds it: the worker then
// runs from a Blob URL, and if no worker can be started the summarizer runs on
// the main thread instead.
//
// Text from the user only ever reaches the DOM as text nodes (textContent, never
// innerHTML); a dropped web page is parsed into a separate, inert document
// (DOMParser) and only its text is read. Nothing is sent anywhere: the only
// requests are for the page's own files.
//
// scripts/site.mjs inlines pack.js in place of this import (the single file can
// import nothing, and the site saves a request), so keep it on one line.
import { KINDS, pack } from "./pack.js";

performance.mark("abridge:module");
const INLINE = globalThis.abridgeInline ?? null;

const $ = (id) => document.getElementById(id);
// The page's elements, found by boot() once the DOM is parsed (this module is
// async, so it may run before that: it starts compiling the wasm first).
let el = null;
const findElements = () => ({
  root: document.documentElement,
  input: $("input"),
  held: $("held"),
  heldName: $("held-name"),
  heldSize: $("held-size"),
  heldEdit: $("held-edit"),
  drop: $("drop"),
  file: $("file"),
  openFile: $("open-file"),
  sample: $("load-sample"),
  clear: $("clear"),
  undo: $("undo"),
  sampleTemplate: $("sample"),
  units: document.querySelectorAll('input[name="unit"]'),
  range: $("amount-range"),
  number: $("amount-number"),
  rangeLabel: $("amount-range-label"),
  numberLabel: $("amount-number-label"),
  unitText: $("amount-unit"),
  amountError: $("amount-error"),
  language: $("language"),
  summary: $("summary"),
  busy: $("busy"),
  copyText: $("copy-text"),
  copyMarkdown: $("copy-md"),
  status: $("status"),
  statWords: $("stat-words"),
  statReduction: $("stat-reduction"),
  statLanguage: $("stat-language"),
  statKind: $("stat-kind"),
  statTime: $("stat-time"),
  view: $("view"),
  whyBody: $("why-body"),
  more: $("view-more"),
  moreNote: $("view-more-note"),
  moreButton: $("view-more-button"),
  keywords: $("keywords"),
  entities: $("entities"),
  error: $("error"),
  update: $("update"),
  updateButton: $("update-button"),
  version: $("version"),
});

// ---------------------------------------------------------------- settings

const KEY_DRAFT = "abridge.draft";
const KEY_CLEARED = "abridge.cleared";
const KEY_SETTINGS = "abridge.settings";
/** Longer drafts go to IndexedDB (localStorage holds about 5 MB per site). */
const DRAFT_MAX = 1_500_000;
const FILE_MAX = 20 * 1024 * 1024;
/** How much of the text the highlighted view shows at first, and per "show more". */
/** The first summary of a text up to this long is also computed on the main thread (see send()). */
const FIRST_ON_MAIN_MAX = 20_000;
const VIEW_FIRST = 30_000;
/** From this length on, the page says how long the text is and shows the job's progress. */
const BIG_TEXT = 1_000_000;
/**
 * From this length on, the page holds the text itself and shows a panel in place of
 * the text box: Chromium lays a <textarea> out on the main thread, about 0.7 s a
 * megabyte (15 MB froze the page for 11 s), whatever its wrap or font. Two million
 * characters are a 1.4 s pause, the most worth paying to edit in place; a whole
 * novel (about a million) stays in the box.
 */
const BOX_MAX = 2_000_000;
/**
 * The text box and the highlighted view give each paragraph the direction of its first
 * letter (style.css), but Chromium lays a paragraph out that way in time that grows with
 * the square of its length: 1.9 million characters without a line break took 10 s per
 * keystroke in the box (0.2 s without), and each "show more" of the view took longer
 * (0.8 s at 600,000). A text with a longer paragraph takes one direction for all of it,
 * its first letter's, which costs nothing; 20,000 characters cost 10 ms. (Set as "ltr"
 * or "rtl", not "auto": Chromium looks for the first letter again at each part of the
 * view added, as slow as the paragraphs.)
 */
const BIDI_PARAGRAPH_MAX = 20_000;
/** A job that takes this many times its estimate (and at least HANG_MIN_MS) has hung. */
const HANG_FACTOR = 10;
const HANG_MIN_MS = 20_000;
const VIEW_MORE = 100_000;
/** Summary items shown before a "show all" button. */
const LIST_FIRST = 200;

const UNITS = {
  sentences: {
    short: "sentences",
    name: "Number of sentences",
    min: 1,
    step: 1,
    value: 3,
    sliderMax: (stats) => (stats ? clamp(stats.sentencesIn, 5, 60) : 20),
    numberMax: null,
    option: (v) => ({ sentences: v }),
  },
  percent: {
    short: "%",
    name: "Percent of the sentences",
    min: 1,
    step: 1,
    value: 20,
    sliderMax: () => 100,
    numberMax: 100,
    option: (v) => ({ ratio: v / 100 }),
  },
  words: {
    short: "words",
    name: "Number of words",
    min: 10,
    step: 5,
    value: 100,
    sliderMax: (stats) => (stats ? Math.ceil(clamp(stats.wordsIn, 50, 2000) / 5) * 5 : 500),
    numberMax: null,
    option: (v) => ({ words: v }),
  },
};

const settings = {
  unit: "sentences",
  values: { sentences: UNITS.sentences.value, percent: UNITS.percent.value, words: UNITS.words.value },
  language: "auto",
};

function readStore(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStore(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function loadSettings() {
  try {
    const saved = JSON.parse(readStore(KEY_SETTINGS) ?? "null");
    if (saved && UNITS[saved.unit]) settings.unit = saved.unit;
    for (const unit of Object.keys(UNITS)) {
      const v = saved?.values?.[unit];
      if (Number.isInteger(v) && v >= UNITS[unit].min && v <= (UNITS[unit].numberMax ?? 1e9)) settings.values[unit] = v;
    }
    if (typeof saved?.language === "string" && [...el.language.options].some((o) => o.value === saved.language)) {
      settings.language = saved.language;
    }
  } catch {
    // Bad JSON: keep the defaults.
  }
}

function saveSettings() {
  writeStore(KEY_SETTINGS, JSON.stringify(settings));
}

/**
 * 12345 -> "12,345". Not toLocaleString: each call of that builds an ICU number
 * formatter, which took 80-200 ms on first use here, in the middle of a render.
 */
function fmt(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function clamp(v, lo, hi) {
  return Math.min(hi, Math.max(lo, v));
}

// ---------------------------------------------------------------- the summarizer backend

let modulePromise = null; // the compiled WebAssembly.Module, handed to every worker started
let backend = null; // { kind, send(job), terminate() }
let workerFailed = false;
let workersWork = false; // a worker has started in this page
let restarts = 0;

function decodeBase64(b64) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(b64);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function compileModule() {
  if (INLINE) return WebAssembly.compile(decodeBase64(INLINE.wasm));
  const url = new URL("pkg/abridge_bg.wasm", document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} answered HTTP ${response.status}`);
  // Streaming compilation needs the right MIME type; some static hosts get it wrong.
  if ((response.headers.get("content-type") ?? "").startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

function startBackend() {
  const kind = !workerFailed && typeof Worker === "function" ? "worker" : "main-thread";
  backend = kind === "worker" ? workerBackend() : mainThreadBackend();
}

/** A module worker: worker.js, or in the single file the same code from a Blob URL. */
function workerBackend() {
  let worker;
  let url = null;
  const name = INLINE ? "blob-worker" : "worker";
  try {
    if (INLINE) {
      url = URL.createObjectURL(new Blob([INLINE.worker], { type: "text/javascript" }));
      // Classic, not module: Chromium refuses module workers from Blob URLs on file://.
      worker = new Worker(url, { name: "abridge" });
    } else {
      worker = new Worker(new URL("worker.js", import.meta.url), { type: "module", name: "abridge" });
    }
  } catch (error) {
    console.warn("abridge: no worker, running on the main thread", error);
    workerFailed = true;
    return mainThreadBackend();
  }
  let ready = false;
  const self = {
    kind: name,
    initPosted: modulePromise.then((module) => worker.postMessage({ type: "init", module })),
    send(job) {
      self.initPosted.then(
        () => worker.postMessage({ id: job.id, text: job.text, options: job.options }),
        () => {}, // no module: boot() has said so
      );
    },
    /** Runs a job whose result nobody waits for (id 0 matches no job). */
    warm(job) {
      self.send({ ...job, id: 0 });
    },
    terminate() {
      worker.terminate();
      if (url) URL.revokeObjectURL(url);
    },
  };
  self.initPosted.catch(() => {}); // reported by boot()
  worker.onmessage = (event) => {
    const data = event.data;
    if (backend !== self) return; // a worker we have replaced
    if (data.type === "ready") {
      ready = true;
      workersWork = true;
      onReady(data.version);
    } else if (data.type === "error") {
      fail(`The summarizer could not start: ${data.message}.`);
    } else {
      onResult(data);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (backend !== self) return;
    self.terminate();
    if (!ready && !workersWork) {
      // The first worker never started (blocked, or module workers unsupported):
      // run on the main thread instead. (A later one that dies early has crashed.)
      console.warn("abridge: the worker failed to start, running on the main thread", event.message);
      workerFailed = true;
      restartBackend();
    } else {
      workerDied(event.message || "the worker crashed");
    }
  };
  return self;
}

/** The package's glue for use on the main thread (inlined, or imported once). */
let glueImport = null;
function mainGlue() {
  if (INLINE) return Promise.resolve(INLINE.glue);
  glueImport ??= import(new URL("pkg/abridge.js", import.meta.url).href);
  return glueImport;
}

/** The fallback: the package on the main thread. */
function mainThreadBackend() {
  let api = null;
  const loading = (async () => {
    const pkg = await mainGlue();
    const module = await modulePromise;
    await pkg.default({ module_or_path: module });
    api = pkg;
    onReady(pkg.version());
  })();
  loading.catch((error) => fail(`The summarizer could not start: ${messageOf(error)}.`));
  return {
    kind: "main-thread",
    send(job) {
      loading.then(() =>
        setTimeout(() => {
          if (backend?.kind !== "main-thread") return;
          const t0 = performance.now();
          let result;
          try {
            result = api.summarize(job.text, job.options);
          } catch (error) {
            onResult({ id: job.id, error: { name: error?.name ?? "Error", message: messageOf(error) } });
            return;
          }
          onResult(packed(result, job.id, performance.now() - t0));
        }, 0),
      );
    },
    terminate() {},
  };
}

/** A result packed as the worker sends it (on the main thread nothing is transferred). */
function packed(result, id, ms) {
  const { message } = pack(result);
  message.id = id;
  message.ms = ms;
  return message;
}

function restartBackend(resend = true) {
  backend?.terminate();
  restarts += 1;
  el.root.dataset.restarts = String(restarts);
  inflight = null;
  startBackend();
  if (resend && latest && latest !== shown) send(latest);
}

let crashedJob = null; // the job that was running when the worker last died

/**
 * The worker died (or stopped answering) after it had started: the draft is written
 * out now, a fresh worker takes over, and the user is told. The job that was running
 * is retried once; if the worker dies on it again, the page says so and waits for
 * the next edit instead of crashing in a loop.
 */
function workerDied(reason) {
  flushDraft();
  const job = inflight;
  const again = job !== null && job === crashedJob;
  crashedJob = job;
  el.root.dataset.crashes = String(Number(el.root.dataset.crashes ?? 0) + 1);
  restartBackend(!again);
  if (again) {
    setBusy(false);
    showError("job", `Could not summarize this text: the summarizer stopped twice on it (${reason}). Your text is kept; edit it to try again.`);
  } else {
    say(`The summarizer stopped (${reason}) and was restarted. Your text is kept.`);
  }
}

function messageOf(error) {
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return String(error);
}

function onReady(version) {
  performance.mark("abridge:ready");
  el.root.dataset.backend = backend.kind; // what runs the summaries from now on
  el.version.textContent = version;
  stopped = false;
  delete el.root.dataset.state;
  clearError("start");
}

// ---------------------------------------------------------------- scheduling

let seq = 0;
let latest = null; // the job whose result the page wants: { id, text, options, optionsKey, created }
let inflight = null; // the job the backend is working on, with `sent`
let shown = null; // the job whose result is on screen
let shownResult = null;
let msPerChar = 0.001; // learned from finished jobs; 1 MB is about a second to start with
let watchdog = 0;
let busyTimer = 0;

function optionsNow() {
  const unit = UNITS[settings.unit];
  const options = { ...unit.option(settings.values[settings.unit]), keywords: 12, entities: 10 };
  if (settings.language !== "auto") options.language = settings.language;
  return options;
}

function sameJob(a, b) {
  return a !== null && b !== null && a.optionsKey === b.optionsKey && a.text === b.text;
}

function makeJob(trigger) {
  const text = currentText();
  lastLength = text.length;
  const options = optionsNow();
  return { id: 0, text, options, optionsKey: JSON.stringify(options), created: performance.now(), trigger };
}

/** Asks for the summary of the current text with the current settings. */
function request(trigger) {
  const job = makeJob(trigger);
  if (sameJob(job, latest)) {
    setBusy(latest !== shown);
    return;
  }
  if (sameJob(job, shown)) {
    latest = shown; // back to what is on screen: a running job's result will be dropped
    setBusy(false);
    return;
  }
  if (sameJob(job, inflight)) {
    latest = inflight;
    setBusy(true);
    return;
  }
  job.id = ++seq;
  latest = job;
  if (inflight === null) send(job);
  else considerRestart();
}

let hangTimer = 0;

function send(job) {
  if (!backend) startBackend();
  inflight = job;
  job.sent = performance.now();
  setBusy(true);
  backend.send(job);
  clearTimeout(hangTimer);
  if (backend.kind !== "main-thread") {
    const limit = Math.max(HANG_MIN_MS, HANG_FACTOR * msPerChar * job.text.length);
    hangTimer = setTimeout(() => inflight === job && workerDied("it did not answer"), limit);
  }
}

/**
 * The first summary. For a short text it is computed right here, on the main
 * thread, and the worker is started only after it is on screen: a worker takes
 * 100-300 ms to start (a thread, a JS engine, its scripts), and on a small
 * machine it would compete with the page for the CPU just when the page wants it.
 * A short text takes a few milliseconds, and nobody types into a page that is
 * still loading; a long draft waits for the worker.
 */
async function firstSummary() {
  const job = makeJob("load");
  if (job.text.length > FIRST_ON_MAIN_MAX || typeof Worker !== "function") {
    requestNow("load");
    return;
  }
  job.id = ++seq;
  latest = inflight = job;
  job.sent = performance.now();
  setBusy(true);
  try {
    const [pkg, module] = await Promise.all([mainGlue(), modulePromise]);
    await pkg.default({ module_or_path: module });
    const t0 = performance.now();
    const result = pkg.summarize(job.text, job.options);
    el.version.textContent = pkg.version();
    onResult(packed(result, job.id, performance.now() - t0));
  } catch (error) {
    console.warn("abridge: the first summary waits for the worker", error);
    if (inflight === job) {
      inflight = null;
      send(latest);
    }
    return;
  }
  // Now the worker, warmed up on the text (its first run pays for lazy tables).
  setTimeout(() => {
    if (!backend) startBackend();
    backend.warm?.(shown ?? job);
  }, 0);
}

/** The input changed under a running job: restart the worker if waiting would cost more. */
/** A fresh worker costs ~50 ms (instantiate; the module is already compiled). */
const RESTART_WORTH_MS = 150;

/** How long a running job should still take, by the speed of earlier jobs. */
function remainingMs(job) {
  return msPerChar * job.text.length - (performance.now() - job.sent);
}

function considerRestart(overdue = false) {
  clearTimeout(watchdog);
  if (!inflight || inflight === latest || !backend || backend.kind === "main-thread") return;
  const remaining = remainingMs(inflight);
  if (remaining > RESTART_WORTH_MS || overdue) {
    restartBackend();
  } else {
    // Check again when it should have finished: a job still running then has
    // outrun its estimate and may take much longer (a low estimate must not make
    // the newest text wait for a 20 MB job nobody wants any more).
    watchdog = setTimeout(() => considerRestart(true), Math.max(remaining, 0) + 250);
  }
}

function onResult(data) {
  if (!inflight || data.id !== inflight.id) return; // from before a restart
  clearTimeout(watchdog);
  clearTimeout(hangTimer);
  if (!data.error) crashedJob = null;
  const job = inflight;
  inflight = null;
  if (!data.error && job.text.length > 20_000) {
    msPerChar = 0.5 * msPerChar + 0.5 * ((performance.now() - job.sent) / job.text.length);
  }
  if (latest !== job) {
    // Stale: the text or the length changed meanwhile. Drop it, run the newest.
    if (latest !== shown) send(latest);
    else setBusy(false);
    return;
  }
  setBusy(false);
  if (data.error) {
    showError("job", `Could not summarize: ${data.error.message}`);
    // A trap leaves the module in an unknown state: start clean, without retrying
    // the same job (the next edit will ask again).
    if (data.error.name === "RuntimeError") restartBackend(false);
    return;
  }
  clearError("job");
  shown = job;
  shownResult = data;
  render(job, data);
}

function setBusy(on) {
  clearTimeout(busyTimer);
  if (stopped) on = false; // nothing is coming
  el.summary.setAttribute("aria-busy", on ? "true" : "false");
  clearInterval(progressTimer);
  el.busy.textContent = "updating…";
  if (on) busyTimer = setTimeout(() => (el.busy.hidden = false), 150);
  else el.busy.hidden = true;
  if (on && inflight && inflight.text.length >= BIG_TEXT) {
    // A long text: its size, and how far along the job should be by now (the
    // summarizer cannot report progress, so this is the estimate from earlier jobs).
    const job = inflight;
    const size = sizeOf(job.text.length);
    const tick = () => {
      if (inflight !== job) return clearInterval(progressTimer);
      const estimate = Math.max(msPerChar * job.text.length, 1);
      const percent = Math.min(99, Math.floor((100 * (performance.now() - job.sent)) / estimate));
      el.busy.textContent = `summarizing ${size}… ${percent}%`;
      el.busy.dataset.progress = String(percent);
    };
    tick();
    progressTimer = setInterval(tick, 250);
  }
}

let progressTimer = 0;

/** "20.1 MB" for a length in UTF-16 units (what the user thinks of as characters). */
function sizeOf(length) {
  return length >= 1e6 ? `${(length / 1e6).toFixed(1)} million characters` : `${fmt(length)} characters`;
}

// Typing: wait for a pause, longer for long texts (each run is a full pass).
let typingTimer = 0;
let lastLength = 0;
let bigNoticeFor = 0;
function scheduleFromTyping() {
  clearTimeout(typingTimer);
  const length = currentText().length;
  if (length >= BIG_TEXT && Math.abs(length - bigNoticeFor) > BIG_TEXT / 2) {
    bigNoticeFor = length;
    say(`A long text (${sizeOf(length)}): its summary takes a few seconds. You can keep editing; the page stays responsive.`);
  } else if (length < BIG_TEXT) {
    bigNoticeFor = 0;
  }
  // A long job for a text that is no longer there only holds the CPU: stop it now,
  // not after the pause below (a 20 MB job may well finish in that pause, and its
  // result would be thrown away anyway).
  if (
    inflight &&
    inflight === latest &&
    inflight.text.length >= BIG_TEXT &&
    backend?.kind !== "main-thread" &&
    remainingMs(inflight) > RESTART_WORTH_MS
  ) {
    restartBackend(false);
  }
  setBusy(true); // the summary on screen is out of date until the next one
  const delay = clamp(100 + lastLength / 4000, 120, 400);
  typingTimer = setTimeout(() => request("input"), delay);
}

function requestNow(trigger) {
  clearTimeout(typingTimer);
  request(trigger);
}

// ---------------------------------------------------------------- rendering

const view = {
  text: null,
  result: null,
  levels: null,
  rendered: 0, // sentences 0..rendered-1 are in the DOM
  renderedTo: 0, // UTF-16 offset the DOM reaches
  nodes: [],
  current: 0, // the sentence with tabindex 0
  shownWhy: -1,
};

function render(job, r) {
  const t0 = performance.now();
  textStats = r.stats;
  if (held && held.words === null && job.text === held.text) {
    held.words = r.stats.wordsIn; // counting them here would take the main thread a while
    describeHeld();
  }
  updateLengthControls();
  renderSummary(job.text, r);
  renderStats(job.text, r);
  renderChips(el.keywords, r.keywords, (k) => [k.text, `×${k.count}`]);
  renderChips(el.entities, r.entities, (e) => [e.text, e.kind]);
  renderView(job.text, r);
  const now = performance.now();
  if (el.root.dataset.ready !== "1") performance.mark("abridge:first-summary");
  el.root.dataset.ready = "1";
  el.root.dataset.summaryId = String(job.id);
  document.dispatchEvent(
    new CustomEvent("abridge:summary", {
      detail: {
        id: job.id,
        trigger: job.trigger,
        computeMs: r.ms,
        renderMs: now - t0,
        latencyMs: now - job.created,
        sentencesIn: r.stats.sentencesIn,
        sentencesOut: r.stats.sentencesOut,
        backend: backend?.kind,
      },
    }),
  );
}

let listedKey = null; // what the summary shows; null for anything else ("Loading…")
function renderSummary(text, r) {
  const chosen = [];
  for (let i = 0; i < r.n; i++) if (r.selected[i]) chosen.push(i);
  el.copyText.disabled = el.copyMarkdown.disabled = chosen.length === 0;
  const empty = chosen.length > 0 ? null : text.trim() === "" ? "Paste or type some text to see its summary." : "No sentences found.";
  // Only touch the live region when the summary itself changed.
  const key = empty ?? `${chosen.join(",")}\n${r.summary}`;
  if (key === listedKey) return;
  listedKey = key;
  // Focus in the old list goes on to the new one's item at the same place.
  const focused = el.summary.contains(document.activeElement)
    ? Math.max(0, [...el.summary.querySelectorAll("li")].indexOf(document.activeElement))
    : -1;
  if (empty !== null) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = empty;
    el.summary.replaceChildren(p);
    return;
  }
  const list = document.createElement("ol");
  list.className = "summary-list";
  list.setAttribute("aria-label", `Summary, ${plural(chosen.length, "sentence")}`);
  const fill = (upto) => {
    for (let k = list.childElementCount; k < upto; k++) {
      const i = chosen[k];
      const li = document.createElement("li");
      li.textContent = oneLine(text.slice(r.starts[i], r.ends[i]), text);
      li.dataset.i = String(i);
      // One Tab stop for the whole list, as in the text view (see wire()).
      li.tabIndex = k === 0 ? 0 : -1;
      list.append(li);
    }
  };
  fill(Math.min(chosen.length, LIST_FIRST));
  const parts = [list];
  if (chosen.length > LIST_FIRST) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn";
    button.textContent = `Show all ${fmt(chosen.length)} sentences`;
    button.addEventListener("click", () => {
      fill(chosen.length);
      // The focus goes on to the first sentence it revealed, not to the page's start.
      list.children[LIST_FIRST].focus();
      button.remove();
    });
    parts.push(button);
  }
  el.summary.replaceChildren(...parts);
  if (focused >= 0) list.children[Math.min(focused, list.childElementCount - 1)].focus({ preventScroll: true });
}

// The language select's own option texts name every language abridge knows.
function languageName(code) {
  if (code === "und") return "not detected";
  return [...el.language.options].find((o) => o.value === code)?.textContent ?? code;
}

// The kind of text abridge read, which decides how much a sentence's place
// counts: a name that fits the stats, and what it means.
const TEXT_KINDS = {
  short: ["Short", "a few sentences: where one stands counts little"],
  news: ["News", "lead first: the first sentences count most"],
  sectioned: ["Sections", "a long text: its lead, section and paragraph starts count"],
  conversation: ["Dialogue", "an interview, transcript or chat: what is said counts, not when"],
};

function renderStats(text, r) {
  if (text.trim() === "") {
    // No text, no numbers: as before the first summary, not "Short, 0 → 0 words".
    for (const stat of [el.statWords, el.statReduction, el.statLanguage, el.statKind, el.statTime]) stat.textContent = "–";
    el.statKind.title = "";
    return;
  }
  const s = r.stats;
  el.statWords.textContent = `${fmt(s.wordsIn)} → ${fmt(s.wordsOut)}`;
  const reduction = s.wordsIn > 0 ? 100 * (1 - s.wordsOut / s.wordsIn) : null;
  // 182,008 -> 118 words is 99.9 %, not "100 %".
  el.statReduction.textContent =
    reduction === null ? "–" : `${reduction > 99 && reduction < 100 ? Math.min(reduction, 99.9).toFixed(1) : Math.round(reduction)} %`;
  el.statLanguage.textContent = languageName(r.language);
  const [kind, means] = TEXT_KINDS[r.kind] ?? [r.kind, ""];
  el.statKind.textContent = kind;
  el.statKind.title = means;
  el.statTime.textContent = `${r.ms < 10 ? r.ms.toFixed(1) : Math.round(r.ms)} ms`;
}

function renderChips(list, items, parts) {
  const nodes = items.map((item) => {
    const [main, note] = parts(item);
    const li = document.createElement("li");
    li.append(main);
    const small = document.createElement("span");
    small.className = "chip-note";
    small.textContent = note;
    li.append(" ", small);
    return li;
  });
  if (nodes.length === 0) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = "none";
    nodes.push(li);
  }
  list.replaceChildren(...nodes);
}

/** Highlight strength 1-4 for chosen sentences, by score among the chosen. */
function levelsOf(r) {
  const levels = new Uint8Array(r.n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < r.n; i++) {
    if (!r.selected[i]) continue;
    lo = Math.min(lo, r.scores[i]);
    hi = Math.max(hi, r.scores[i]);
  }
  for (let i = 0; i < r.n; i++) {
    if (!r.selected[i]) continue;
    const t = hi > lo ? (r.scores[i] - lo) / (hi - lo) : 1;
    levels[i] = 1 + Math.round(t * 3);
  }
  return levels;
}

function sameSpans(a, b) {
  if (a.n !== b.n) return false;
  for (let i = 0; i < a.n; i++) if (a.starts[i] !== b.starts[i] || a.ends[i] !== b.ends[i]) return false;
  return true;
}

function renderView(text, r) {
  const levels = levelsOf(r);
  if (view.text === text && view.result && sameSpans(view.result, r)) {
    // Same text, new selection: change only the sentences that changed.
    const old = view.levels;
    view.result = r;
    view.levels = levels;
    for (let i = 0; i < view.rendered; i++) {
      if (old[i] === levels[i]) continue;
      if ((old[i] > 0) !== (levels[i] > 0)) {
        const node = sentenceNode(i);
        const focused = document.activeElement === view.nodes[i];
        view.nodes[i].replaceWith(node);
        view.nodes[i] = node;
        if (focused) node.focus({ preventScroll: true });
      } else {
        view.nodes[i].className = `s l${levels[i]}`;
      }
    }
    if (view.shownWhy >= 0 && view.shownWhy < r.n) showWhy(view.shownWhy);
    return;
  }
  view.text = text;
  view.result = r;
  view.levels = levels;
  view.rendered = 0;
  view.renderedTo = 0;
  view.nodes = [];
  view.current = 0;
  el.view.replaceChildren();
  fitDirection(el.view, text);
  renderMore(VIEW_FIRST);
  if (view.shownWhy >= r.n) view.shownWhy = -1;
  if (view.shownWhy >= 0) showWhy(view.shownWhy);
  else resetWhy();
}

function sentenceNode(i) {
  const r = view.result;
  const level = view.levels[i];
  const node = document.createElement(level > 0 ? "mark" : "span");
  node.className = level > 0 ? `s l${level}` : "s";
  node.dataset.i = String(i);
  node.tabIndex = i === view.current ? 0 : -1;
  node.textContent = view.text.slice(r.starts[i], r.ends[i]);
  return node;
}

/** Appends about `chars` more of the text to the highlighted view. */
function renderMore(chars) {
  const r = view.result;
  const text = view.text;
  const fragment = document.createDocumentFragment();
  const stop = view.renderedTo + chars;
  let i = view.rendered;
  while (i < r.n && (i === view.rendered || r.ends[i] <= stop)) {
    if (r.starts[i] > view.renderedTo) fragment.append(text.slice(view.renderedTo, r.starts[i]));
    const node = sentenceNode(i);
    view.nodes.push(node);
    fragment.append(node);
    view.renderedTo = r.ends[i];
    i += 1;
  }
  view.rendered = i;
  if (i >= r.n && view.renderedTo < text.length) {
    fragment.append(text.slice(view.renderedTo));
    view.renderedTo = text.length;
  }
  el.view.append(fragment);
  const complete = view.rendered >= r.n;
  el.more.hidden = complete;
  if (!complete) {
    const share = Math.floor((100 * view.renderedTo) / text.length);
    el.moreNote.textContent =
      `This long text is shown in parts to keep the page responsive: ${share} % so far ` +
      `(${fmt(view.rendered)} of ${fmt(r.n)} sentences). ` +
      "The summary above covers all of it.";
  }
}

function resetWhy() {
  view.shownWhy = -1;
  const p = document.createElement("p");
  p.className = "help";
  p.textContent = view.result?.n ? "Focus, hover or tap a sentence in the text." : "No sentences yet.";
  el.whyBody.replaceChildren(p);
}

const FEATURES = [
  ["Salience", "shares the text's main terms"],
  ["Centrality", "what later sentences build on"],
  ["Entities", "names, numbers and dates that recur"],
  // Its hint is the kind of text's (TEXT_KINDS), which decides what a place is worth.
  ["Position", "where it stands"],
  ["Quality", "1 unless penalized"],
];

const PENALTIES = {
  fragment: "a fragment, too short to stand alone",
  heading: "a heading",
  runOn: "a run-on sentence",
  question: "a question",
  quote: "mostly a quotation",
  dangling: "opens by pointing back (“This”, “But”…)",
  boilerplate: "boilerplate",
};

/**
 * The units that are no sentences and never part of a summary, by kind, and what they
 * are. They are not numbered or ranked among the sentences: a subtitle's timing lines
 * made its third sentence "Sentence 6 of 8", and tied with the sentences in rank.
 */
const NOT_SENTENCES = new Map([
  [KINDS.code, "Code, front matter or a table row: never part of a summary."],
  [KINDS.timestamp, "A timestamp (subtitles, transcripts, a chat's header): never part of a summary."],
  [KINDS.reference, "A source in a copied list of references: never part of a summary."],
]);

function showWhy(i) {
  const r = view.result;
  if (!r || i < 0 || i >= r.n) return;
  view.shownWhy = i;
  const head = document.createElement("p");
  head.className = "why-head";
  const chosen = r.selected[i] === 1;
  const badge = document.createElement("strong");
  badge.className = chosen ? "badge in" : "badge out";
  badge.textContent = chosen ? "In the summary" : "Not chosen";
  const notSentence = NOT_SENTENCES.get(r.kinds[i]);
  if (notSentence) {
    // What it is says all: its scores rank nothing.
    head.append(badge, ` ${notSentence}`);
    el.whyBody.replaceChildren(head);
    return;
  }
  let number = 0;
  let sentences = 0;
  let rank = 1;
  for (let k = 0; k < r.n; k++) {
    if (NOT_SENTENCES.has(r.kinds[k])) continue;
    sentences += 1;
    if (k <= i) number += 1;
    if (r.scores[k] > r.scores[i]) rank += 1;
  }
  head.append(
    badge,
    ` Sentence ${fmt(number)} of ${fmt(sentences)}, ` +
      `score ${r.scores[i].toFixed(2)}, ranked ${fmt(rank)}.`,
  );
  const list = document.createElement("dl");
  list.className = "features";
  FEATURES.forEach(([label, hint], k) => {
    const value = r.features[i * 5 + k];
    const row = document.createElement("div");
    const dt = document.createElement("dt");
    dt.textContent = label;
    const small = document.createElement("span");
    small.className = "hint";
    small.textContent = label === "Position" && TEXT_KINDS[r.kind] ? `${hint} — ${TEXT_KINDS[r.kind][1]}` : hint;
    dt.append(" ", small);
    const dd = document.createElement("dd");
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.setAttribute("aria-hidden", "true");
    const fill = document.createElement("span");
    // CSSOM, not a style attribute: allowed under the page's CSP.
    fill.style.width = `${Math.round(clamp(value, 0, 1) * 100)}%`;
    bar.append(fill);
    dd.append(bar, value.toFixed(2));
    row.append(dt, dd);
    list.append(row);
  });
  const penalties = document.createElement("p");
  penalties.className = "penalties";
  const names = r.penalties[i] ?? [];
  penalties.textContent = names.length === 0 ? "Penalties: none." : `Penalties: ${names.map((p) => PENALTIES[p] ?? p).join("; ")}.`;
  el.whyBody.replaceChildren(head, list, penalties);
}

function setCurrent(i, focus) {
  const r = view.result;
  if (!r || r.n === 0) return;
  i = clamp(i, 0, r.n - 1);
  while (i >= view.rendered) renderMore(VIEW_MORE);
  if (view.nodes[view.current]) view.nodes[view.current].tabIndex = -1;
  view.current = i;
  const node = view.nodes[i];
  node.tabIndex = 0;
  if (focus) {
    node.focus();
    node.scrollIntoView({ block: "nearest" });
  }
}

function sentenceIndexOf(target) {
  const node = target instanceof Element ? target.closest(".s") : null;
  return node && el.view.contains(node) ? Number(node.dataset.i) : -1;
}

// ---------------------------------------------------------------- length controls

let textStats = null;

function updateLengthControls() {
  const unit = UNITS[settings.unit];
  const value = settings.values[settings.unit];
  const max = Math.max(unit.sliderMax(textStats), unit.min + unit.step);
  el.range.min = String(unit.min);
  el.range.max = String(max);
  el.range.step = String(unit.step);
  el.range.value = String(clamp(value, unit.min, max));
  el.range.setAttribute("aria-valuetext", `${value} ${unit.short === "%" ? "percent" : unit.short}`);
  el.number.min = String(unit.min);
  if (unit.numberMax) el.number.max = String(unit.numberMax);
  else el.number.removeAttribute("max");
  if (document.activeElement !== el.number) el.number.value = String(value);
  // (A bad number still being typed stays marked when a summary comes in.)
  showAmountValidity();
  el.rangeLabel.textContent = `${unit.name} (slider)`;
  el.numberLabel.textContent = unit.name;
  el.unitText.textContent = unit.short;
  for (const radio of el.units) radio.checked = radio.value === settings.unit;
}

function setValue(v) {
  settings.values[settings.unit] = v;
  saveSettings();
  updateLengthControls();
  requestNow("length");
}

function parseAmount(raw) {
  const unit = UNITS[settings.unit];
  const v = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(v) || v < unit.min || (unit.numberMax && v > unit.numberMax)) return null;
  return v;
}

/**
 * Marks a number box that holds no valid length and says what it takes: a red outline
 * alone left the summary unchanged without a word why.
 */
function showAmountValidity() {
  const invalid = parseAmount(el.number.value) === null;
  if (invalid) {
    const unit = UNITS[settings.unit];
    const allowed = unit.numberMax ? `from ${unit.min} to ${unit.numberMax}` : `of ${unit.min} or more`;
    const value = settings.values[settings.unit];
    const kept = unit.short === "%" ? `${value} %` : plural(value, unit.short.replace(/s$/, ""));
    el.amountError.textContent = `Enter a whole number ${allowed}. The summary stays at ${kept}.`;
    el.number.setAttribute("aria-invalid", "true");
    el.number.setAttribute("aria-describedby", el.amountError.id);
  } else {
    el.number.removeAttribute("aria-invalid");
    el.number.removeAttribute("aria-describedby");
  }
  el.amountError.hidden = !invalid;
}

// ---------------------------------------------------------------- text, drafts, files

// A short draft is one localStorage item. Writing a long one in one go would hold
// the main thread (~60 ms per MB here), so it is written in pieces, one per task,
// into the slot ("a" or "b") that the current draft does not use; only then does
// KEY_PARTS point at the new slot. A reload halfway still finds the previous draft.
const KEY_PARTS = "abridge.draftParts"; // {"slot":"a","count":16,"length":1048576}
const PIECE_PREFIX = "abridge.draft.";
const DRAFT_PIECE = 65_536;

let draftTimer = 0;
let draftJob = null; // { text, slot, count, next }: a long draft being written
let draftTooLong = false;

// A draft longer than DRAFT_MAX is one IndexedDB record, written in one put (the
// structured clone happens off the page's critical path); KEY_BIG in localStorage
// says there is one, so a start that finds it waits for the record.
const KEY_BIG = "abridge.draftBig";
/** The name the held text went by ("report.txt", "Pasted text"), shown again after a reload. */
const KEY_BIG_NAME = "abridge.draftBigName";
const DB_NAME = "abridge";
const DB_STORE = "drafts";
let bigDraftText = null; // the long text being written, so an older write does not win

/** Runs `work(store)` in one IndexedDB transaction; resolves with its request's result. */
function withDrafts(mode, work) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(DB_STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(DB_STORE, mode);
      const request = work(tx.objectStore(DB_STORE));
      tx.oncomplete = () => {
        db.close();
        resolve(request.result);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        reject(tx.error ?? new Error("the draft store failed"));
      };
    };
  });
}

/** The long draft, or null when there is none (or it cannot be read). */
async function readBigDraft() {
  if (readStore(KEY_BIG) === null) return null;
  try {
    const text = await withDrafts("readonly", (store) => store.get("draft"));
    return typeof text === "string" ? text : null;
  } catch (error) {
    console.warn("abridge: the long draft could not be read", error);
    return null;
  }
}

function forgetBigDraft() {
  bigDraftText = null;
  if (readStore(KEY_BIG) === null) return;
  writeStore(KEY_BIG, null);
  writeStore(KEY_BIG_NAME, null);
  withDrafts("readwrite", (store) => store.delete("draft")).catch(() => {});
}

function saveBigDraft(text) {
  draftJob = null;
  bigDraftText = text;
  withDrafts("readwrite", (store) => store.put(text, "draft")).then(
    () => {
      if (bigDraftText !== text) return; // a newer draft replaced it
      writeStore(KEY_BIG, String(text.length));
      writeStore(KEY_BIG_NAME, held?.text === text ? held.name : null);
      writeStore(KEY_DRAFT, null);
      writeStore(KEY_PARTS, null);
      for (const key of pieceKeys()) writeStore(key, null);
    },
    (error) => {
      console.warn("abridge: the long draft could not be kept", error);
      if (!draftTooLong) say("This text is too long for this browser's storage; it will not survive a reload.");
      draftTooLong = true;
    },
  );
}

function readDraft() {
  const whole = readStore(KEY_DRAFT);
  if (whole !== null) return whole;
  try {
    const parts = JSON.parse(readStore(KEY_PARTS) ?? "null");
    if (!parts) return null;
    let text = "";
    for (let i = 0; i < parts.count; i++) {
      const piece = readStore(`${PIECE_PREFIX}${parts.slot}.${i}`);
      if (piece === null) return null;
      text += piece;
    }
    return text.length === parts.length ? text : null;
  } catch {
    return null;
  }
}

function pieceKeys() {
  const keys = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(PIECE_PREFIX)) keys.push(key);
    }
  } catch {
    // No storage: nothing to list.
  }
  return keys;
}

/** Removes every trace of the draft. */
function forgetDraft() {
  clearTimeout(draftTimer);
  draftTimer = 0;
  draftJob = null;
  writeStore(KEY_DRAFT, null);
  writeStore(KEY_PARTS, null);
  for (const key of pieceKeys()) writeStore(key, null);
  forgetBigDraft();
}

/** Keeps the text as the draft; `now` writes a long one in one go (when the page goes away). */
function saveDraft(now = false) {
  clearTimeout(draftTimer);
  draftTimer = 0;
  const text = currentText();
  writeStore(KEY_CLEARED, null);
  if (text.length > DRAFT_MAX) {
    saveBigDraft(text);
    return;
  }
  draftTooLong = false;
  forgetBigDraft();
  if (text.length <= DRAFT_PIECE) {
    draftJob = null;
    if (!writeStore(KEY_DRAFT, text)) say("Could not keep a draft (browser storage is full or disabled).");
    if (readStore(KEY_PARTS) !== null) writeStore(KEY_PARTS, null);
    for (const key of pieceKeys()) writeStore(key, null);
    return;
  }
  let current = null;
  try {
    current = JSON.parse(readStore(KEY_PARTS) ?? "null");
  } catch {
    current = null;
  }
  const slot = current?.slot === "a" ? "b" : "a";
  draftJob = { text, slot, count: Math.ceil(text.length / DRAFT_PIECE), next: 0 };
  writeDraftPieces(draftJob, now);
}

function writeDraftPieces(job, now) {
  if (job !== draftJob) return; // replaced by a newer draft
  do {
    if (job.next < job.count) {
      const i = job.next;
      const piece = job.text.slice(i * DRAFT_PIECE, (i + 1) * DRAFT_PIECE);
      if (!writeStore(`${PIECE_PREFIX}${job.slot}.${i}`, piece)) {
        draftJob = null;
        say("Could not keep a draft (browser storage is full or disabled).");
        return;
      }
      job.next += 1;
    } else {
      writeStore(KEY_PARTS, JSON.stringify({ slot: job.slot, count: job.count, length: job.text.length }));
      writeStore(KEY_DRAFT, null);
      const keep = new Set(Array.from({ length: job.count }, (_, k) => `${PIECE_PREFIX}${job.slot}.${k}`));
      for (const key of pieceKeys()) if (!keep.has(key)) writeStore(key, null);
      draftJob = null;
      return;
    }
  } while (now);
  setTimeout(() => writeDraftPieces(job, false), 0);
}

/** Writes a draft that is waiting for a pause, now. */
function flushDraft() {
  if (draftTimer || draftJob) saveDraft(true);
}

function scheduleDraft() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(saveDraft, clamp(300 + lastLength / 2000, 500, 2000));
}

function sampleText() {
  return el.sampleTemplate.content.textContent.replace(/^\n/, "");
}

// A text of BOX_MAX or more is held here instead of in the text box, and a panel
// stands in for the box. Whatever reads the text reads currentText(), so a held text
// is summarized, saved, copied and undone as one in the box is.
let held = null; // { text, name, words }: words once its summary has counted them

/** The text: the one held, or the text box's. */
function currentText() {
  return held ? held.text : el.input.value;
}

/** Whether a paragraph of `text` is longer than BIDI_PARAGRAPH_MAX. */
function hasLongParagraph(text) {
  if (text.length <= BIDI_PARAGRAPH_MAX) return false;
  let start = 0;
  for (let end; (end = text.indexOf("\n", start)) >= 0; start = end + 1) {
    if (end - start > BIDI_PARAGRAPH_MAX) return true;
  }
  return text.length - start > BIDI_PARAGRAPH_MAX;
}

const LETTER = /\p{L}/u;
/** Hebrew, Arabic and the other scripts written right to left (Unicode's blocks for them). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** The direction of `text`'s first letter, as dir="auto" reads it. */
function directionOf(text) {
  return RTL_LETTER.test(LETTER.exec(text)?.[0] ?? "") ? "rtl" : "ltr";
}

/**
 * Each paragraph of `element`, which shows `text`, in its own direction while that is
 * cheap; else all of it in one (see BIDI_PARAGRAPH_MAX).
 */
function fitDirection(element, text) {
  const direction = hasLongParagraph(text) ? directionOf(text) : "";
  if (element.dir === direction) return; // (a change restyles all of it)
  if (direction) element.dir = direction;
  else element.removeAttribute("dir");
}

/**
 * Shows `text` in the text box, or holds it and shows the panel (`name` says where it
 * came from). The focus, if it was on the text, stays on whichever shows it.
 */
function showText(text, name = null, inBox = text.length < BOX_MAX) {
  const focused = el.input.contains(document.activeElement) || el.held.contains(document.activeElement);
  held = null;
  if (!inBox) {
    // Line breaks as the text box keeps them: held or not, it is the same text.
    const kept = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
    held = { text: kept, name: name ?? "Pasted text", words: null };
  }
  // (Before the value: the box is laid out once, in the direction that fits.)
  fitDirection(el.input, inBox ? text : "");
  el.input.value = inBox ? text : "";
  el.input.hidden = !inBox;
  el.held.hidden = inBox;
  if (held) describeHeld();
  if (focused) focusText();
}

function describeHeld() {
  el.heldName.textContent = held.name;
  const size = sizeOf(held.text.length);
  el.heldSize.textContent = held.words === null ? size : `${size}, ${plural(held.words, "word")}`;
}

/** Focuses what shows the text: the text box, or the panel in its place. */
function focusText() {
  (held ? el.held : el.input).focus();
}

/** Resolves once what the page shows now has been painted. */
function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** "Edit in the text box": the held text goes into the box after all, once the page has said it takes a while. */
async function editHeld() {
  const { text } = held;
  say(`Putting ${sizeOf(text.length)} into the text box: it takes a few seconds to show this much text.`);
  await afterPaint();
  if (held?.text !== text) return; // replaced meanwhile
  showText(text, null, true);
  say("All of the text is in the text box.");
}

function setText(text, trigger, name) {
  showText(text, name);
  lastLength = text.length;
  requestNow(trigger);
}

// Clear, Sample, a file and a paste too long for the text box replace the text by
// setting the textarea's value, which empties the browser's own undo history: the
// text they replaced is kept here, for the Undo button and Ctrl+Z, until the next edit.
let replaced = null; // { text, name }
let undoMessage = null; // the status line's message that offers Undo

/** Replaces the text on purpose, and says so in `message`, with the way back (`undoNote`). */
function replaceText(text, trigger, message, name, undoNote = "Undo brings back your text.") {
  const old = currentText();
  const oldName = held?.name;
  setText(text, trigger, name);
  replaced = old.trim() !== "" && old !== text ? { text: old, name: oldName } : null;
  el.undo.hidden = replaced === null;
  undoMessage = replaced === null ? null : `${message} ${undoNote}`;
  say(undoMessage ?? message);
}

function forgetReplaced() {
  replaced = null;
  el.undo.hidden = true;
  // The status line offers Undo no longer (quietly: the user is typing).
  if (undoMessage !== null && el.status.textContent === undoMessage) unsay();
  undoMessage = null;
}

function undoReplace() {
  if (replaced === null) return;
  const { text, name } = replaced;
  forgetReplaced();
  setText(text, "undo", name);
  saveDraft();
  focusText();
  say("Your text is back.");
}

/** Elements whose text is no part of a page's prose. */
const HTML_SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "NAV", "ASIDE", "FORM", "BUTTON", "SELECT", "IFRAME", "OBJECT", "TITLE", "HEAD"]);
/** Elements that start a paragraph of their own. */
const HTML_BLOCK = /^(P|DIV|SECTION|ARTICLE|MAIN|HEADER|FOOTER|H[1-6]|LI|UL|OL|DL|DT|DD|BLOCKQUOTE|PRE|TABLE|TR|FIGURE|FIGCAPTION|HR|ADDRESS)$/;

/**
 * Paragraphs: their text speaks for the element that holds them. (Not a table's cells,
 * as in Readability: a table of long cells, such as a list of episodes, outscored the
 * article it stands in.)
 */
const HTML_PARAGRAPH = new Set(["P", "PRE"]);
const HTML_HEADING = /^H[1-6]$/;

/**
 * What stands beside a story rather than in it, by the words of an element's class or
 * id (comments, menus, sidebars, related links, sharing buttons, footers, sponsors,
 * pop-ups; unless a word says it may be the story's own, "main-content") or by its
 * role, as Readability drops its "unlikely candidates"; read on the elements a page
 * closes itself. The command line reads the same marks (src/cli/html.rs).
 */
const HTML_INCIDENTAL = /comment|disqus|replies|sidebar|related|footer|menu|breadcrumb|pagination|pager|social|share|sponsor|promo|banner|popup|shoutbox|skyscraper|community|gdpr|-ad-/;
const HTML_MAYBE_STORY = /article|body|column|content|main/;
const HTML_INCIDENTAL_ROLES = new Set(["navigation", "complementary", "menu", "menubar", "dialog", "alertdialog"]);
const HTML_MARKED = /^(DIV|SECTION|ARTICLE|HEADER|FOOTER|UL|OL|DL|TABLE|SPAN|FIGURE|H[1-6])$/;
/** Characters of text below which a page is read again without those marks. */
const HTML_SHORT_TEXT = 500;

function isIncidental(element) {
  if (!HTML_MARKED.test(element.tagName.toUpperCase())) return false;
  const marks = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`.toLowerCase();
  const role = (element.getAttribute("role") ?? "").trim().toLowerCase();
  return HTML_INCIDENTAL_ROLES.has(role) || (HTML_INCIDENTAL.test(marks) && !HTML_MAYBE_STORY.test(marks));
}

/**
 * What a browser does not show, as Readability leaves it out too: on any element, and
 * also when the page is read again without the marks above.
 */
function isHidden(element) {
  if (element.hasAttribute("hidden") || element.getAttribute("aria-hidden")?.toLowerCase() === "true") return true;
  const style = (element.getAttribute("style") ?? "").replace(/[ \t\n\f\r]/g, "").toLowerCase();
  return style.includes("display:none") || style.includes("visibility:hidden");
}

/**
 * The most nesting work (see nestingCost) a web page may ask of the parser: about 0.7 s
 * of Chromium's DOMParser. Of the 58 saved news pages measured, the most asks 20,060.
 */
const NESTING_LIMIT = 1e8;
/** Raw text elements: what follows their start tag is text up to their end tag. */
const HTML_RAW = /^(script|style|textarea|title|xmp|iframe|noembed|noframes)$/;
/** Elements the parser never keeps open (void) or keeps out of the way (tables, links). */
const HTML_NOT_NESTED = /^(a|nobr|html|head|body|option|optgroup|tr|td|th|thead|tbody|tfoot|caption|colgroup|rb|rt|rp|area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|param|keygen)$/;
/** What a start tag closes: a paragraph before a block, an item the one before. */
const HTML_CLOSES = { li: ["li"], dt: ["dt", "dd"], dd: ["dt", "dd"] };
/**
 * The markup of `html`, in order: each tag as `{ index, end, name, closing, selfClosing }`
 * (`name` lower-cased; `end` past the text of a raw text element, which is no markup),
 * and each comment, doctype or processing instruction without a `name`. Linear: no
 * pattern runs past a "<", so a "<" that opens no tag costs a short look.
 */
function* htmlMarkup(html) {
  // (A comment opens with "<!-{2}", so written: the page inlines this script. It is
  // the one pattern whose match does not end in ">".)
  const tag = /<(\/?)([A-Za-z][^\s/<>]*)[^<>]*?(\/?)>|<!-{2}|<[!?/][^<>]*>/g;
  let match;
  while ((match = tag.exec(html))) {
    const index = match.index;
    if (!match[0].endsWith(">")) {
      const close = html.indexOf("-->", tag.lastIndex);
      tag.lastIndex = close < 0 ? html.length : close + 3;
      yield { index, end: tag.lastIndex };
      continue;
    }
    const name = match[2]?.toLowerCase();
    const closing = match[1] === "/";
    if (name && !closing && HTML_RAW.test(name)) tag.lastIndex = endOfRawText(html, name, tag.lastIndex);
    yield { index, end: tag.lastIndex, name, closing, selfClosing: match[3] === "/" };
  }
}

/** Where the text of a raw text element `name` that starts at `from` ends. */
function endOfRawText(html, name, from) {
  const end = new RegExp(`</${name}`, "ig");
  end.lastIndex = from;
  return end.exec(html) ? end.lastIndex - name.length - 2 : html.length;
}

/**
 * What the browser's parser would spend on a web page's nesting: the sum over its start
 * tags of how many elements are open there. Chromium checks its stack of open elements,
 * which its depth limit does not shorten, at each tag: 40,000 unclosed `<div>`s (280 KB)
 * took DOMParser 5 s, 100,000 took 30 s, on this page's one thread. A linear scan with
 * the parser's commonest closes (the end tag of an element not open is skipped at once;
 * a close pops what it passes), which stops once the sum is over `limit`.
 */
function nestingCost(html, limit) {
  const stack = [];
  const open = new Map(); // name -> how many are on the stack
  const closeTo = (name) => {
    let top;
    do {
      top = stack.pop();
      open.set(top, open.get(top) - 1);
    } while (top !== name);
  };
  let cost = 0;
  for (const { name, closing, selfClosing } of htmlMarkup(html)) {
    if (cost > limit) break;
    if (!name) continue;
    if (closing) {
      if (open.get(name)) closeTo(name);
      continue;
    }
    if (HTML_RAW.test(name)) continue;
    if (open.get("p") && HTML_BLOCK.test(name.toUpperCase())) closeTo("p");
    for (const closed of HTML_CLOSES[name] ?? []) if (open.get(closed)) closeTo(closed);
    cost += stack.length;
    if (!selfClosing && !HTML_NOT_NESTED.test(name)) {
      stack.push(name);
      open.set(name, (open.get(name) ?? 0) + 1);
    }
  }
  return cost;
}

/**
 * The text of a web page without its structure, for a page nested too deeply to parse
 * in good time: its tags dropped (blocks as paragraphs, line breaks as lines), scripts,
 * styles and comments out, its character references decoded (by the parser, on text
 * that holds no tag left, which it reads in linear time).
 */
function flatHtmlText(html) {
  const parts = [];
  let at = 0;
  for (const { index, end, name } of htmlMarkup(html)) {
    parts.push(html.slice(at, index));
    at = end;
    const tag = name?.toUpperCase();
    if (tag === "BR") parts.push("\n");
    else if (tag && HTML_BLOCK.test(tag)) parts.push("\n\n");
  }
  parts.push(html.slice(at));
  const text = parts.join("").replaceAll("<", "&lt;");
  return (new DOMParser().parseFromString(text, "text/html").body?.textContent ?? "")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Where markup may start: a tag (its name), a comment, or a doctype and the like. */
const HTML_TAG_OPEN = /<(\/?)([A-Za-z][^\t\n\f\r \/>]*)|<!-{2}|<[!?\/]/g;
/**
 * One attribute of a tag, as the browser's tokenizer reads it: separators, a name, and a
 * value quoted (which may hold ">") or not. No match at the tag's ">" or the end.
 */
const HTML_ATTRIBUTE = /[\t\n\f\r \/]*([^\t\n\f\r \/>][^\t\n\f\r \/>=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"?|'[^']*'?|[^\t\n\f\r >]*))?/y;

/**
 * `html` without its event handler attributes (`onload`, `onerror`…). Chromium checks
 * each against this page's Content-Security-Policy as its parser reads it, even into
 * DOMParser's inert document, and logs an error for each ("Executing inline event
 * handler violates…"), though nothing runs. They hold no text, so they go before the
 * page is parsed. Tags are read as the tokenizer reads them; comments and raw text
 * (a script's) hold none. Linear.
 */
function withoutEventHandlers(html) {
  if (!/[\t\n\f\r \/"']on/i.test(html)) return html;
  const kept = [];
  let from = 0; // html[from..] is not in `kept` yet
  const open = HTML_TAG_OPEN;
  open.lastIndex = 0;
  for (let match; (match = open.exec(html)); ) {
    const start = match.index;
    if (match[2] === undefined) {
      // A comment (its "-->" may overlap its opening: an empty one), or a doctype and the like.
      const comment = match[0].length === 4;
      const close = comment ? html.indexOf("-->", start + 2) : html.indexOf(">", start);
      if (close < 0) break; // the rest is a comment
      open.lastIndex = Math.max(close + (comment ? 3 : 1), open.lastIndex);
      continue;
    }
    let at = open.lastIndex;
    HTML_ATTRIBUTE.lastIndex = at;
    for (let attribute; (attribute = HTML_ATTRIBUTE.exec(html)); at = HTML_ATTRIBUTE.lastIndex) {
      if (/^on/i.test(attribute[1])) {
        kept.push(html.slice(from, at));
        from = HTML_ATTRIBUTE.lastIndex;
      }
    }
    const name = match[2].toLowerCase();
    open.lastIndex = match[1] === "" && HTML_RAW.test(name) ? endOfRawText(html, name, at) : at;
  }
  kept.push(html.slice(from));
  return kept.join("");
}

/**
 * The text of a saved web page: parsed into an inert document (DOMParser runs no
 * script and loads nothing), never into this page; within the article or main element
 * when there is one, the element that holds its paragraphs (proseParts); without
 * scripts, navigation, forms, comments and sidebars; blocks as paragraphs. The command
 * line reads a page the same way (src/cli/html.rs). Iterative, so that deep nesting
 * cannot overflow the stack.
 */
function htmlToText(html) {
  const doc = new DOMParser().parseFromString(withoutEventHandlers(html), "text/html");
  if (!doc.body) return "";
  paragraphsOfLineBreaks(doc.body);
  const text = storyText(doc, true);
  // Little text left: the marks took the story with them (a page that calls its
  // story's box "sidebar-layout"); read again without them, as Readability does, and
  // keep the longer. What is hidden stays out.
  if (text.length >= 2 * HTML_SHORT_TEXT || [...text].length >= HTML_SHORT_TEXT) return text;
  const unmarked = storyText(doc, false);
  return [...unmarked].length > [...text].length ? unmarked : text;
}

/**
 * The text of a parsed page's story (see proseParts), without what is hidden, and
 * leaving out what `marked` elements stand beside it (isIncidental) when asked.
 */
function storyText(doc, marked) {
  const leftOut = (e) => HTML_SKIP.has(e.tagName.toUpperCase()) || isHidden(e) || (marked && isIncidental(e));
  // (Not one in or marked as what stands beside the story: a comment written as an article.)
  const beside = (e) => {
    for (let at = e; at; at = at.parentElement) if (isHidden(at) || (marked && isIncidental(at))) return true;
    return false;
  };
  const first = (tag) => [...doc.getElementsByTagName(tag)].find((e) => !beside(e));
  const root = first("article") ?? first("main") ?? doc.body;
  const parts = [];
  const stack = [];
  for (const part of proseParts(root, leftOut).reverse()) stack.push("\n\n", part);
  let tail = ""; // the last character written: white space collapses across elements
  while (stack.length > 0) {
    const node = stack.pop();
    let piece = null;
    if (typeof node === "string") {
      piece = node;
    } else if (node.nodeType === Node.TEXT_NODE) {
      piece = node.parentElement?.closest("pre") ? node.data : node.data.replace(/\s+/g, " ");
      if (piece[0] === " " && (tail === " " || tail === "\n")) piece = piece.slice(1);
    } else if (node.nodeType === Node.ELEMENT_NODE && !leftOut(node)) {
      if (node.tagName === "BR") {
        piece = "\n";
      } else {
        const block = HTML_BLOCK.test(node.tagName);
        if (block) stack.push("\n\n");
        for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
        if (block) piece = "\n\n";
      }
    }
    if (piece) {
      parts.push(piece);
      tail = piece[piece.length - 1];
    }
  }
  return parts
    .join("")
    .replace(/[ \t]*\n[ \t]*/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Text broken with `<br><br>`, as old pages and forums write it: what follows such a
 * pair, up to the next pair or a block, is put in a paragraph of its own (the second
 * line break with it), as Readability reads it, so that it counts as prose. Not inside
 * a paragraph, whose text counts already. The command line does the same in its scan.
 */
function paragraphsOfLineBreaks(root) {
  const parents = new Set([...root.querySelectorAll("br")].map((br) => br.parentElement));
  for (const parent of parents) {
    if (parent.tagName.toUpperCase() === "P") continue;
    let paragraph = null;
    let afterBreak = false; // only white space since the last <br>
    for (const child of [...parent.childNodes]) {
      const isBreak = child.nodeName === "BR";
      if (isBreak && afterBreak) {
        paragraph = parent.ownerDocument.createElement("p");
        parent.insertBefore(paragraph, child);
      } else if (child.nodeType === Node.ELEMENT_NODE && HTML_BLOCK.test(child.tagName.toUpperCase())) {
        paragraph = null;
      }
      if (paragraph) paragraph.appendChild(child);
      const blank = child.nodeType === Node.COMMENT_NODE || (child.nodeType === Node.TEXT_NODE && /^\s*$/.test(child.data));
      if (isBreak) afterBreak = true;
      else if (!blank) afterBreak = false;
    }
  }
}

/**
 * Where a page's prose is, within `root`: the element that holds the most paragraph
 * text, scored as Readability does (a paragraph of 25 letters or more counts 1, plus its
 * commas, plus a point a hundred letters up to 3, in full for its parent and half for
 * the one above; links count against), with the siblings that hold prose too (a third
 * as much, or a paragraph of its own) and the headings before and between them; all of
 * `root` when it has no paragraphs. Older pages mark no article: without this, their
 * menus, teasers and comment rules were sentences of the summary.
 */
function proseParts(root, leftOut) {
  const elements = [root, ...root.querySelectorAll("*")]; // in document order
  const skipped = new Set();
  for (const element of elements) {
    if (leftOut(element) || skipped.has(element.parentElement)) skipped.add(element);
  }
  const info = new Map(); // element -> { text, link, commas, prose }: letters and digits
  const scores = new Map();
  const addScore = (element, score) => element && scores.set(element, (scores.get(element) ?? 0) + score);
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i];
    if (skipped.has(element)) continue;
    let text = 0;
    let link = 0;
    let commas = 0;
    let prose = 0;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        text += child.data.replace(/[^\p{Alphabetic}\p{N}]+/gu, "").length;
        commas += child.data.replace(/[^,，、]+/g, "").length;
      } else {
        const c = info.get(child);
        if (c) {
          text += c.text;
          link += c.link;
          commas += c.commas;
          prose += c.prose;
        }
      }
    }
    const tag = element.tagName.toUpperCase();
    if (tag === "A") link = text;
    if (HTML_PARAGRAPH.has(tag) && text >= 25) {
      const score = 1 + commas + Math.min(text / 100, 3);
      if (element !== root) {
        addScore(element.parentElement, score);
        if (element.parentElement !== root) addScore(element.parentElement.parentElement, score / 2);
      }
      if (link * 2 < text) prose = text - link;
    }
    info.set(element, { text, link, commas, prose });
  }
  const linkDensity = (e) => info.get(e).link / Math.max(info.get(e).text, 1);
  const finalScore = (e) => (info.has(e) ? (scores.get(e) ?? 0) * (1 - linkDensity(e)) : 0);
  let best = null;
  for (const element of elements) {
    // The last of equals, as the command line's max_by.
    if ((scores.get(element) ?? 0) > 0 && info.has(element) && (best === null || finalScore(element) >= finalScore(best))) best = element;
  }
  if (best === null || best === root) return [root];
  // Its siblings that hold prose too: a story split by an advertisement.
  const parent = best.parentElement;
  const threshold = Math.max(10, finalScore(best) * 0.2);
  const holdsProse = (e) => {
    if (e === best) return true;
    const about = info.get(e);
    if (!about) return false;
    return (
      finalScore(e) >= threshold ||
      ((e.tagName.toUpperCase() === "P" && about.text > 80) || about.prose * 10 > info.get(best).prose * 3) && linkDensity(e) < 0.25
    );
  };
  const siblings = [...parent.children];
  const prose = siblings.filter(holdsProse);
  const first = siblings.indexOf(prose[0]);
  const last = siblings.indexOf(prose[prose.length - 1]);
  // And its headings: a headline, or the titles of its sections (not those of what
  // follows it: "Related", "Comments").
  const isHeading = (e) => HTML_HEADING.test(e.tagName.toUpperCase()) && !skipped.has(e);
  const headline = siblings.slice(0, first).reverse().find(isHeading);
  const kept = new Set(prose);
  const parts = siblings.slice(first, last + 1).filter((e) => kept.has(e) || isHeading(e));
  return headline ? [headline, ...parts] : parts;
}

/**
 * A file's text: UTF-8 (`repaired` counts bad bytes replaced when there are a few), or
 * UTF-16 with a byte order mark. Anything else is a legacy
 * encoding: the one a web page declares, else Windows-1252 (Latin-1), named in
 * `encoding` so that the user is told. Null for binary data (see isBinary).
 */
function decodeFile(bytes, html) {
  const bom = (bytes[0] << 8) | bytes[1];
  if (bom === 0xfffe || bom === 0xfeff) return { text: new TextDecoder(bom === 0xfffe ? "utf-16le" : "utf-16be").decode(bytes) };
  if (isBinary(bytes.subarray(0, 8192))) return null;
  try {
    // (Streaming: a file cut off inside its last character is still UTF-8.)
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true }) };
  } catch {
    // Not UTF-8.
  }
  // A UTF-8 file with a few bad bytes keeps its letters; a legacy file's high bytes
  // almost never form UTF-8 characters.
  const lossy = new TextDecoder("utf-8").decode(bytes);
  let bad = 0;
  let multibyte = 0;
  for (const c of lossy) {
    if (c === "\uFFFD") bad++;
    else if (c > "\x7f") multibyte++;
  }
  if (multibyte > bad) return { text: lossy, repaired: bad };
  const head = html ? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(new TextDecoder("windows-1252").decode(bytes.subarray(0, 4096))) : null;
  let decoder;
  try {
    decoder = new TextDecoder(head?.[1] ?? "windows-1252");
    if (decoder.encoding.startsWith("utf-")) throw new RangeError("not UTF-8 after all");
  } catch {
    decoder = new TextDecoder("windows-1252");
  }
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}

/** The control bytes that text holds: backspace (overstrike), tab, line breaks, form feed, DOS's end of file, escape (colours). */
const TEXT_CONTROLS = new Set([0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a, 0x1b]);

/**
 * Whether the start of a file is binary data: a NUL byte, or other control bytes more
 * than text ever holds (random bytes have one in eleven). Files of any name are opened,
 * so this alone keeps pictures, archives and programs out.
 */
function isBinary(head) {
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && !TEXT_CONTROLS.has(byte)) controls++;
  }
  return controls * 32 > head.length;
}

// Subtitles as a reader sees them, as the command line reads them (src/cli/subtitles.rs):
// a WebVTT file becomes its cues, a voice's name (`<v Anna>`) a speaker's label ("Anna: ")
// so that the talk reads as a dialogue; an SRT file keeps its layout. The timing lines stay:
// the summarizer knows them and never chooses them. Plain string work: nothing is parsed
// as HTML.

/** Whether `text` is a WebVTT file by its first line. */
function isWebVtt(text) {
  return /^\uFEFF?WEBVTT(?:$|[ \t\n\r])/.test(text);
}

/** The lines of `text` as Rust's `str::lines` gives them: no "\r" before a "\n", no empty last line. */
function linesOf(text) {
  const lines = text.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  if (text.endsWith("\n")) lines.pop();
  return lines;
}

/**
 * The cues of a WebVTT file, each its timing line and its text, one blank line between
 * them: without the header, notes, style sheets, regions and cue identifiers.
 */
function webVttToText(vtt) {
  const lines = linesOf(vtt);
  const isTiming = (line) => line.includes("-->");
  const isBlank = (line) => line.trim() === "";
  let out = "";
  let i = 0;
  // The header: "WEBVTT" and what follows it up to the first blank line.
  while (i < lines.length && !isBlank(lines[i])) i++;
  while (i < lines.length) {
    const line = lines[i];
    const blockStart = i === 0 || isBlank(lines[i - 1]);
    const word = line.split(/[ \t]/)[0];
    if (blockStart && (word === "NOTE" || word === "STYLE" || word === "REGION")) {
      // A note, a style sheet or a region: up to the next blank line.
      while (i < lines.length && !isBlank(lines[i])) i++;
      continue;
    }
    if (blockStart && !isTiming(line) && i + 1 < lines.length && isTiming(lines[i + 1])) {
      i++; // the cue's identifier
      continue;
    }
    if (isBlank(line)) {
      // One blank line between cues, none before the first.
      if (out !== "" && !out.endsWith("\n\n")) out += "\n";
    } else {
      out += `${isTiming(line) ? line.trim() : cueText(line)}\n`;
    }
    i++;
  }
  return out;
}

/** An SRT file without the markup in its cues (`<i>`, `<font color=...>`), line by line. */
function srtToText(srt) {
  return linesOf(srt)
    .map((line) => `${cueText(line)}\n`)
    .join("");
}

/** The character references WebVTT allows, in the order they are read ("&amp;" last). */
const CUE_REFERENCES = [
  ["&lt;", "<"],
  ["&gt;", ">"],
  ["&nbsp;", "\u00a0"],
  ["&lrm;", "\u200e"],
  ["&rlm;", "\u200f"],
  ["&amp;", "&"],
];

/**
 * A cue's line without its markup: a voice's name becomes a speaker's label, other tags
 * go (`<i>`, `<c.loud>`, `<00:00:02.000>`), and its character references are read.
 */
function cueText(line) {
  let out = "";
  let rest = line;
  for (let open; (open = rest.indexOf("<")) >= 0; ) {
    out += rest.slice(0, open);
    const close = rest.indexOf(">", open);
    if (close < 0) {
      out += rest.slice(open);
      rest = "";
      break;
    }
    // "<v Anna>", "<v.loud Anna Smith>": the name is what follows the tag's name.
    const voice = /^v(?:[ \t]|\.[^ \t]*[ \t])(.*)$/s.exec(rest.slice(open + 1, close));
    const name = voice?.[1].trim() ?? "";
    if (name !== "") out += `${name}: `;
    rest = rest.slice(close + 1);
  }
  out += rest;
  for (const [reference, character] of CUE_REFERENCES) out = out.replaceAll(reference, character);
  return out;
}

/** What a file's text reads as: a web page as its story, subtitles as their cues. */
function readableText(name, text, html, flat) {
  if (html) return flat ? flatHtmlText(text) : htmlToText(text);
  if (/\.vtt$/i.test(name) || isWebVtt(text)) return webVttToText(text);
  if (/\.srt$/i.test(name) && text.includes("<")) return srtToText(text);
  return text;
}

/** Opens a file of any name (README, LICENSE): its bytes, not its name, tell text from binary data. */
async function openFile(file) {
  if (!file) return;
  if (file.size > FILE_MAX) {
    say(`“${file.name}” is larger than 20 MB, so it was not opened.`);
    return;
  }
  try {
    const html = /\.x?html?$/i.test(file.name) || file.type === "text/html" || file.type === "application/xhtml+xml";
    if (html && file.size >= BIG_TEXT) {
      // The browser parses a web page on this thread, about 0.3 s a megabyte in
      // Chromium, and answers nothing meanwhile: say so first, and let that paint.
      say(`Reading the web page “${file.name}” (${(file.size / 1e6).toFixed(1)} MB): this takes a few seconds.`);
      await afterPaint();
    }
    const decoded = decodeFile(new Uint8Array(await file.arrayBuffer()), html);
    if (!decoded) {
      say(`“${file.name}” holds binary data, not text, so it was not opened.`);
      return;
    }
    // (A page nested too deeply for the parser to read in good time is read flat.)
    const flat = html && nestingCost(decoded.text, NESTING_LIMIT) > NESTING_LIMIT;
    const text = readableText(file.name, decoded.text, html, flat);
    if (text.trim() === "") {
      say(`“${file.name}” has no text in it, so it was not opened.`);
      return;
    }
    if (text.length >= BIG_TEXT && text.length < BOX_MAX) {
      // The browser lays the text box out with all of it (about 0.7 s a megabyte in
      // Chromium) and answers nothing meanwhile: say so first, and let that paint.
      // (A longer text is held, and the box never sees it.)
      say(`Opening “${file.name}” (${sizeOf(text.length)}): the text box takes a few seconds to show this much text.`);
      await afterPaint();
    }
    replaceText(
      text,
      "file",
      `Opened “${file.name}”.` +
        (decoded.encoding ? ` It is not UTF-8; it was read as ${decoded.encoding}. If letters look wrong, save it as UTF-8 and open it again.` : "") +
        (decoded.repaired ? ` It is not valid UTF-8: ${plural(decoded.repaired, "bad byte")} became \uFFFD.` : "") +
        (flat ? " Its markup nests too deeply to find its story in good time, so all of its text was read." : ""),
      file.name,
    );
    saveDraft();
  } catch (error) {
    say(`Could not read “${file.name}”: ${messageOf(error)}`);
  }
}

// ---------------------------------------------------------------- copy, status, errors

/** The summary's sentences, each on one line, as the page lists them. */
function summaryLines(text, r) {
  const lines = [];
  for (let i = 0; i < r.n; i++) {
    if (r.selected[i]) lines.push(oneLine(text.slice(r.starts[i], r.ends[i]), text));
  }
  return lines;
}

function markdownOf(text, r) {
  return summaryLines(text, r)
    .map((line) => `- ${line}\n`)
    .join("");
}

/** The summary as text, a sentence a line (as the command line prints it). */
function plainOf(text, r) {
  return summaryLines(text, r)
    .map((line) => `${line}\n`)
    .join("");
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LOWER_CASE = /\p{Ll}/u;
// Scripts written without spaces between words (Han, kana) and their punctuation,
// as the last character before a line break and the first after it.
const UNSPACED = "\\u3000-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u{20000}-\\u{3ffff}";
const UNSPACED_LAST = new RegExp(`[${UNSPACED}]$`, "u");
const UNSPACED_FIRST = new RegExp(`^[${UNSPACED}]`, "u");
/** The quotation marks of e-mail and Markdown that open a sentence: a ">" before a space, another ">" or nothing. */
const LEADING_QUOTE_MARKS = /^(?:>(?=[ >]|$)\s*)+/;
let compoundsOf = { text: null, words: null };

/** The text's hyphenated words, lower-cased ("self-supervised"); made once per text. */
function compounds(text) {
  if (compoundsOf.text !== text) {
    const words = new Set();
    for (const [word] of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) words.add(word.toLowerCase());
    compoundsOf = { text, words };
  }
  return compoundsOf.words;
}

/**
 * A sentence on one line, for the summary list and its copies: mail wrapped by
 * hand and text copied from a PDF break lines inside sentences, and a PDF
 * hyphenates words across them ("the ener-\ngy use"). Each run of white space
 * with a line break becomes one space, or nothing between two characters of a
 * script written without spaces; a word hyphenated at the break is joined
 * ("energy") unless the text writes it with its hyphen elsewhere, its second
 * part does not start in lower case ("Franco-German", "COVID-19") or its first
 * part has a hyphen already ("state-of-the-art"); a soft hyphen at the break
 * always goes, and so do the quotation marks of e-mail and Markdown ("> ", ">> ")
 * that open a line or the sentence (not "a > b", nor ">50%"). The sentence's
 * offsets still point at the text as it is. The command line does the same
 * (src/cli/lines.rs).
 */
function oneLine(sentence, text) {
  // (Unless the marks are all there is: then the sentence is a line of them.)
  sentence = sentence.replace(LEADING_QUOTE_MARKS, "") || sentence;
  if (!/[\n\r]/.test(sentence)) return sentence;
  return sentence.replace(/(-|\u00ad)?[^\S\n\r]*[\n\r]\s*(?:>(?=[ >]|$)\s*)*/g, (gap, hyphen = "", at) => {
    // A soft hyphen only marks where a word may break: it goes.
    if (hyphen === "\u00ad") return "";
    const after = at + gap.length;
    const next = sentence[after] ?? "";
    if (hyphen && WORD_CHAR.test(sentence[at - 1] ?? "") && WORD_CHAR.test(next)) {
      let from = at;
      while (from > 0 && (WORD_CHAR.test(sentence[from - 1]) || sentence[from - 1] === "-")) from--;
      let to = after;
      while (to < sentence.length && WORD_CHAR.test(sentence[to])) to++;
      const head = sentence.slice(from, at).replace(/^-+/, "");
      const word = `${head}-${sentence.slice(after, to)}`;
      const keep = !LOWER_CASE.test(next) || head.includes("-") || compounds(text).has(word.toLowerCase());
      return keep ? "-" : "";
    }
    if (at === 0 || after === sentence.length) return hyphen;
    const unspaced = UNSPACED_LAST.test(sentence.slice(Math.max(0, at - 2), at)) && UNSPACED_FIRST.test(sentence.slice(after, after + 2));
    return unspaced && !hyphen ? "" : `${hyphen} `;
  });
}

async function copy(markdown) {
  if (!shownResult || !shown) return;
  const text = markdown ? markdownOf(shown.text, shownResult) : plainOf(shown.text, shownResult);
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    // No async clipboard (permissions, insecure context): the old way.
    const active = document.activeElement;
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.append(area);
    area.select();
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    active?.focus?.();
  }
  say(ok ? `Copied the summary${markdown ? " as Markdown" : ""}.` : "Could not copy: the browser refused access to the clipboard.");
}

let statusTimer = 0;
function say(message) {
  clearTimeout(statusTimer);
  el.status.textContent = message;
  statusTimer = setTimeout(unsay, 6000);
}

function unsay() {
  clearTimeout(statusTimer);
  el.status.textContent = "";
}

const errors = new Map();
function showError(key, message) {
  errors.set(key, message);
  el.error.textContent = [...errors.values()].join(" ");
  el.error.hidden = false;
}
function clearError(key) {
  if (!errors.delete(key)) return;
  el.error.textContent = [...errors.values()].join(" ");
  el.error.hidden = errors.size === 0;
}

let stopped = false; // the summarizer could not start: no summary is coming

function fail(message) {
  stopped = true;
  showError("start", message);
  el.root.dataset.state = "error";
  setBusy(false);
  if (!shown) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = "No summary: the summarizer is not running.";
    el.summary.replaceChildren(p);
    listedKey = null;
  }
}

function plural(n, word) {
  return `${fmt(n)} ${word}${n === 1 ? "" : "s"}`;
}

// ---------------------------------------------------------------- events

/** Where an arrow key, Home or End moves from item `i` of `count`: the text view and
 * the summary list move alike. Undefined for any other key. */
function stepTo(key, i, count) {
  return { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: count - 1 }[key];
}

function wire() {
  // A paste or drop with a paragraph too long for each paragraph's own direction: one
  // direction before the box takes it, or the box is laid out the slow way first.
  el.input.addEventListener("beforeinput", (event) => {
    const inserted = event.data ?? event.dataTransfer?.getData("text/plain") ?? "";
    if (hasLongParagraph(inserted)) fitDirection(el.input, inserted);
  });
  el.input.addEventListener("input", () => {
    fitDirection(el.input, el.input.value);
    forgetReplaced();
    scheduleFromTyping();
    scheduleDraft();
  });
  // A paste that makes the text too long for the text box is held instead (the box
  // would freeze the page laying it out); shorter ones stay the browser's, with its undo.
  el.input.addEventListener("paste", (event) => {
    const pasted = event.clipboardData?.getData("text/plain") ?? "";
    const { value, selectionStart: start, selectionEnd: end } = el.input;
    if (value.length - (end - start) + pasted.length < BOX_MAX) return;
    event.preventDefault();
    const text = value.slice(0, start) + pasted + value.slice(end);
    replaceText(text, "paste", `Pasted ${sizeOf(text.length)}, too long for the text box: the page holds it.`, "Pasted text");
    saveDraft();
  });
  // Text pasted on the panel replaces the held text (there is no text box to take it).
  el.held.addEventListener("paste", (event) => {
    const pasted = event.clipboardData?.getData("text/plain") ?? "";
    if (pasted === "") return;
    event.preventDefault();
    replaceText(pasted, "paste", `Pasted ${sizeOf(pasted.length)} in place of the text.`, "Pasted text");
    saveDraft();
  });
  el.heldEdit.addEventListener("click", editHeld);

  el.openFile.addEventListener("click", () => el.file.click());
  el.file.addEventListener("change", () => {
    openFile(el.file.files?.[0]);
    el.file.value = "";
  });
  el.sample.addEventListener("click", () => {
    // The sample is not saved as the draft until it is changed, as on a first visit:
    // the user's draft stays saved (its last keystrokes too), and a reload brings it back.
    flushDraft();
    const saved = bigDraftText !== null || [KEY_DRAFT, KEY_PARTS, KEY_BIG].some((key) => readStore(key) !== null);
    replaceText(
      sampleText(),
      "sample",
      "Loaded the sample.",
      null,
      saved ? "Your text stays saved until you change the sample: Undo, or a reload, brings it back." : undefined,
    );
    writeStore(KEY_CLEARED, null);
    focusText();
  });
  el.clear.addEventListener("click", () => {
    forgetDraft();
    writeStore(KEY_CLEARED, "1");
    replaceText("", "clear", "Cleared the text and its draft.");
    focusText();
  });
  el.undo.addEventListener("click", undoReplace);
  // Ctrl+Z in the text box, or on the panel standing in for it.
  el.drop.addEventListener("keydown", (event) => {
    if (replaced !== null && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "z") {
      event.preventDefault();
      undoReplace();
    }
  });

  // Dropping a file anywhere on the text card.
  let depth = 0;
  const card = el.drop.closest(".card");
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes("Files");
  card.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth += 1;
    el.drop.classList.add("dragging");
  });
  card.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  card.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) el.drop.classList.remove("dragging");
  });
  card.addEventListener("drop", (event) => {
    depth = 0;
    el.drop.classList.remove("dragging");
    const file = event.dataTransfer?.files?.[0];
    if (!file) {
      // Dropped text: the text box inserts it and fires input, unless the panel
      // stands in for the box or the text is too long for it: then it replaces the
      // text, and Undo brings that back.
      const dropped = event.dataTransfer?.getData("text/plain") ?? "";
      if (dropped === "" || (!held && currentText().length + dropped.length < BOX_MAX)) return;
      event.preventDefault();
      replaceText(dropped, "drop", `Dropped ${sizeOf(dropped.length)} of text in place of the text.`, "Dropped text");
      saveDraft();
      return;
    }
    event.preventDefault();
    openFile(file);
  });
  // A file dropped beside the card should not navigate away from the page.
  window.addEventListener("dragover", (event) => hasFiles(event) && event.preventDefault());
  window.addEventListener("drop", (event) => hasFiles(event) && event.preventDefault());

  for (const radio of el.units) {
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      settings.unit = radio.value;
      saveSettings();
      updateLengthControls();
      requestNow("length");
    });
  }
  el.range.addEventListener("input", () => setValue(Number(el.range.value)));
  el.number.addEventListener("input", () => {
    const v = parseAmount(el.number.value);
    showAmountValidity();
    if (v === null) return;
    settings.values[settings.unit] = v;
    saveSettings();
    const unit = UNITS[settings.unit];
    el.range.value = String(clamp(v, unit.min, Number(el.range.max)));
    el.range.setAttribute("aria-valuetext", `${v} ${unit.short === "%" ? "percent" : unit.short}`);
    requestNow("length");
  });
  el.number.addEventListener("change", () => {
    if (parseAmount(el.number.value) === null) el.number.value = String(settings.values[settings.unit]);
    showAmountValidity();
  });
  el.language.addEventListener("change", () => {
    settings.language = el.language.value;
    saveSettings();
    requestNow("language");
  });

  el.copyText.addEventListener("click", () => copy(false));
  el.copyMarkdown.addEventListener("click", () => copy(true));

  // The why panel: focus (keyboard, tap) and hover.
  el.view.addEventListener("focusin", (event) => {
    const i = sentenceIndexOf(event.target);
    if (i < 0) return;
    if (i !== view.current) setCurrent(i, false);
    showWhy(i);
  });
  el.view.addEventListener("mouseover", (event) => {
    const i = sentenceIndexOf(event.target);
    if (i >= 0 && i !== view.shownWhy) showWhy(i);
  });
  el.view.addEventListener("mouseleave", () => {
    if (el.view.contains(document.activeElement)) showWhy(view.current);
  });
  el.view.addEventListener("keydown", (event) => {
    const i = sentenceIndexOf(event.target);
    if (i < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const to = stepTo(event.key, i, view.result?.n ?? 1);
    if (to === undefined) return;
    event.preventDefault();
    setCurrent(to, true);
  });
  el.moreButton.addEventListener("click", () => {
    const first = view.rendered;
    renderMore(VIEW_MORE);
    // The button hides once all is shown: keep the focus, on the first new sentence.
    if (el.more.hidden) setCurrent(first, true);
  });

  // A summary item leads to its sentence in the text, by click, Enter or Space.
  // The list is one Tab stop: the focused item takes tabindex 0, arrow keys move.
  const itemOf = (target) => (target instanceof Element ? target.closest("li[data-i]") : null);
  const showItem = (li) => setCurrent(Number(li.dataset.i), true);
  el.summary.addEventListener("click", (event) => {
    const li = itemOf(event.target);
    if (li && !window.getSelection()?.toString()) showItem(li);
  });
  el.summary.addEventListener("focusin", (event) => {
    const li = itemOf(event.target);
    if (!li || li.tabIndex === 0) return;
    const stop = li.parentElement.querySelector('[tabindex="0"]');
    if (stop) stop.tabIndex = -1;
    li.tabIndex = 0;
  });
  el.summary.addEventListener("keydown", (event) => {
    const li = itemOf(event.target);
    if (!li || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = li.parentElement.children;
    const to = stepTo(event.key, Array.prototype.indexOf.call(items, li), items.length);
    if (to === undefined && event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    if (to === undefined) showItem(li);
    else items[to]?.focus(); // the focusin handler moves the Tab stop
  });

  // Keep the draft when the page goes away mid-pause.
  window.addEventListener("pagehide", flushDraft);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flushDraft());
}

// ---------------------------------------------------------------- timing

// How long the page's own main-thread work takes, per kind: the tests and the
// benchmark read it (globalThis.abridgeDebug.work) to check that no handler of
// ours ever holds the main thread long enough to delay the next input event.
// (abridgeDebug.text() is the text, held or in the box, for the tests.)
const work = {};
globalThis.abridgeDebug = { work, text: () => currentText() };
function timed(kind, fn) {
  return function (...args) {
    const t0 = performance.now();
    try {
      return fn.apply(this, args);
    } finally {
      const ms = performance.now() - t0;
      const w = (work[kind] ??= { count: 0, max: 0, total: 0 });
      w.count += 1;
      w.total += ms;
      w.max = Math.max(w.max, ms);
    }
  };
}
// Function declarations are mutable bindings: wrap the ones that run on events.
request = timed("request", request);
onResult = timed("result", onResult);
saveDraft = timed("draft", saveDraft);
writeDraftPieces = timed("draft", writeDraftPieces);
scheduleFromTyping = timed("input", scheduleFromTyping);
fitDirection = timed("direction", fitDirection);
renderMore = timed("renderMore", renderMore);
renderSummary = timed("renderSummary", renderSummary);
renderView = timed("renderView", renderView);
updateLengthControls = timed("lengthControls", updateLengthControls);
renderChips = timed("chips", renderChips);
showWhy = timed("why", showWhy);

// ---------------------------------------------------------------- start

function initialText() {
  const draft = readDraft();
  if (draft !== null) return draft;
  if (readStore(KEY_CLEARED) === "1") return "";
  return sampleText();
}

function registerServiceWorker() {
  if (INLINE || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register("sw.js").then(
    (registration) => {
      navigator.serviceWorker.ready.then(() => (el.root.dataset.offline = "ready"));
      // A new release waits until the user says so: this page's worker scripts and
      // wasm must stay of one release, so it is never swapped under a running page.
      const offer = (worker) => {
        if (!worker || !navigator.serviceWorker.controller) return; // a first install: nothing to replace
        el.update.hidden = false;
        el.updateButton.onclick = () => {
          el.updateButton.disabled = true;
          worker.postMessage({ type: "skip-waiting" });
        };
      };
      offer(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => worker.state === "installed" && offer(worker));
      });
      let reloading = false;
      navigator.serviceWorker.addEventListener("controllerchange", () => {
        if (!el.update.hidden && !reloading) {
          reloading = true;
          // (Only what waits: the sample on screen is not the user's draft.)
          flushDraft();
          location.reload();
        }
      });
    },
    (error) => console.warn("abridge: no service worker, so no offline use", error),
  );
}

function boot() {
  performance.mark("abridge:start");
  el = findElements();
  loadSettings();
  el.language.value = settings.language;
  updateLengthControls();
  performance.mark("abridge:settings");
  const restoring = readStore(KEY_BIG) !== null && typeof indexedDB === "object";
  showText(restoring ? "" : initialText(), "Your saved draft");
  performance.mark("abridge:text");
  lastLength = currentText().length;
  wire();
  modulePromise.catch((error) =>
    fail(`The summarizer could not be loaded: ${messageOf(error)}. Check your connection and reload the page.`),
  );
  if (restoring) {
    say("Restoring your long draft…");
    readBigDraft().then((text) => {
      if (currentText() !== "") return; // the user started something else meanwhile
      // Held if it is that long: restored without laying out the text box.
      setText(text ?? initialText(), "load", readStore(KEY_BIG_NAME) ?? "Your saved draft");
      if (text !== null) say(`Restored your draft (${sizeOf(text.length)}).`);
    });
  } else {
    firstSummary();
  }
  document.addEventListener("abridge:summary", registerServiceWorker, { once: true });
}

// The wasm has been downloading since the page's <link rel="preload">: compile it
// now, while the page is still being parsed and laid out, then start for real.
modulePromise = compileModule();
modulePromise.then(
  () => performance.mark("abridge:compiled"),
  () => {}, // boot() tells the user
);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot, { once: true });
else boot();
