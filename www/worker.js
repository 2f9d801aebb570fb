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
// Results are packed into typed arrays and transferred, not cloned (pack.js): a 1 MB
// text has ~9,000 sentences, and cloning as many nested objects back to the page would
// cost the page's main thread more than the summary is worth. The page has the text,
// so sentence texts are not sent back at all.
//
// scripts/site.mjs inlines pack.js, and for the single-file build (dist/abridge.html)
// the package, in place of the import lines below, so keep each on one line.
import init, { summarize, version } from "./pkg/abridge.js";
import { pack } from "./pack.js";

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
