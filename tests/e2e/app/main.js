// A tiny app that uses the package the way a web developer would: bundled by
// esbuild or Vite from `abridge/web`, or imported as-is by a plain page.
import init, { summarize, segment, version } from "abridge/web";

async function main() {
  const out = {};
  try {
    await init();
    const text = document.getElementById("text").value;
    const result = summarize(text, { sentences: 2 });
    out.version = version();
    out.language = result.language;
    out.summary = result.summary;
    out.selected = result.sentences.filter((s) => s.selected).length;
    out.offsetsOk = result.sentences.every((s) => text.slice(s.start, s.end) === s.text);
    const tricky = "Emoji 😀 here 👩‍👩‍👧. 北京是中国的首都。Cafe\u0301 au lait! Lone \uD800 one. שלום עולם. Done.";
    out.trickyOk = segment(tricky).every((s) => tricky.slice(s.start, s.end) === s.text);
    for (const bad of [{ ratio: 2 }, { sentences: "3" }, 42]) {
      try {
        summarize(text, bad);
        (out.errors ??= []).push("no error");
      } catch (e) {
        (out.errors ??= []).push(`${e.constructor.name}: ${e.message}`);
      }
    }
    out.sameAfterErrors = summarize(text, { sentences: 2 }).summary === result.summary;
    document.getElementById("summary").textContent = result.summary;
  } catch (e) {
    out.failure = String((e && e.stack) || e);
  }
  window.__abridge = out;
  document.body.dataset.ready = "1";
}

main();
