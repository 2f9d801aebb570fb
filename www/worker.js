// abridge's worker: runs the WebAssembly summarizer off the page's main thread.
//
// Messages in:
//   { type: "init", module? }     first: a compiled WebAssembly.Module from the page
//                                 (or nothing, to fetch pkg/abridge_bg.wasm itself)
//   { id, text, options }         a job: summarize(text, options)
// Messages out:
//   { type: "ready", version, ms }          once, when the module is instantiated
//   { type: "error", message }              when it could not be
//   { id, ms, summary, ..., starts, ends }  a job's result, packed (see pack())
//   { id, error: { name, message } }        a job's error (e.g. a RangeError for a bad option)
//
// Results are packed into typed arrays and transferred, not cloned: a 1 MB text has
// ~9,000 sentences, and cloning as many nested objects back to the page would cost
// the page's main thread more than the summary is worth. The page has the text, so
// sentence texts are not sent back at all.
//
// scripts/site.mjs replaces the import line below to inline the package for the
// single-file build (dist/abridge.html), so keep it on one line.
import init, { summarize, version } from "./pkg/abridge.js";

let ready = null;

function start(module) {
  if (ready === null) {
    const t0 = performance.now();
    ready = init(module ? { module_or_path: module } : undefined).then(
      () => {
        postMessage({ type: "ready", version: version(), ms: performance.now() - t0 });
        return true;
      },
      (error) => {
        postMessage({ type: "error", message: describe(error) });
        return false;
      },
    );
  }
  return ready;
}

function describe(error) {
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return String(error);
}

const KINDS = { sentence: 0, heading: 1, listItem: 2 };

/** The result as typed arrays (transferable) plus the small parts as they are. */
function pack(result) {
  const sentences = result.sentences;
  const n = sentences.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const paragraphs = new Uint32Array(n);
  const words = new Uint32Array(n);
  const kinds = new Uint8Array(n);
  const selected = new Uint8Array(n);
  const scores = new Float64Array(n);
  // salience, centrality, entities, position, quality
  const features = new Float32Array(n * 5);
  const penalties = {};
  for (let i = 0; i < n; i++) {
    const s = sentences[i];
    starts[i] = s.start;
    ends[i] = s.end;
    paragraphs[i] = s.paragraph;
    words[i] = s.words;
    kinds[i] = KINDS[s.kind] ?? 0;
    selected[i] = s.selected ? 1 : 0;
    scores[i] = s.score;
    const f = s.features;
    const o = i * 5;
    features[o] = f.salience;
    features[o + 1] = f.centrality;
    features[o + 2] = f.entities;
    features[o + 3] = f.position;
    features[o + 4] = f.quality;
    if (f.penalties.length > 0) penalties[i] = f.penalties;
  }
  const message = {
    summary: result.summary,
    language: result.language,
    kind: result.kind,
    stats: result.stats,
    keywords: result.keywords,
    entities: result.entities,
    n,
    starts,
    ends,
    paragraphs,
    words,
    kinds,
    selected,
    scores,
    features,
    penalties,
  };
  const transfer = [starts, ends, paragraphs, words, kinds, selected, scores, features].map((a) => a.buffer);
  return { message, transfer };
}

self.onmessage = async (event) => {
  const data = event.data;
  if (data && data.type === "init") {
    start(data.module);
    return;
  }
  const { id, text, options } = data;
  if (!(await start())) {
    postMessage({ id, error: { name: "Error", message: "the summarizer did not start" } });
    return;
  }
  const t0 = performance.now();
  let result;
  try {
    result = summarize(text, options);
  } catch (error) {
    postMessage({ id, error: { name: error?.name ?? "Error", message: describe(error) } });
    return;
  }
  const { message, transfer } = pack(result);
  message.id = id;
  message.ms = performance.now() - t0;
  postMessage(message, transfer);
};
