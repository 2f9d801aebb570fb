// Shared by the node --test suites: where the built package is, and texts that
// are hard on offsets.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readdirSync, readFileSync } from "node:fs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const pkgDir = process.env.ABRIDGE_PKG ?? join(root, "pkg");

/** Texts whose UTF-16 and UTF-8 offsets differ in every way we know of. */
export const trickyTexts = {
  emoji: "Emoji 😀 here 👩‍👩‍👧. Then a flag 🇯🇵 follows! And 🎉🎉 more, with 👍🏽 skin tones.",
  cjk: "北京是中国的首都。上海很大！东京在日本吗？Done. 서울은 한국의 수도입니다. 日本語の文です。",
  combining: "Cafe\u0301 au lait. Nai\u0308ve re\u0301sume\u0301s are fine. Zalgo z\u0336\u0337a\u0338 text.",
  rtl: "هذا نص عربي. وهذه جملة ثانية! שלום עולם. מה שלומך? \u202Eevil override\u202C ends.",
  loneSurrogates: "Lone \uD800 high. Lone \uDC00 low! Pair 😀 ok. \uDC00\uD800 reversed. End \uDBFF",
  astral: "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math letters. 𓀀 hieroglyphs follow! 🀄 tiles end.",
  mixed: "Straße in Köln. Ünïcödé everywhere; ½ of it. Zero\u200Bwidth joins. Tab\tand\u00A0nbsp.",
  empty: "",
  blank: "  \n\n \t ",
  crlf: "First line.\r\nSecond line.\r\n\r\nNew paragraph here.",
};

/** The fixtures (and the built-in sample) for agreement and throughput. */
export function fixtures() {
  const dir = join(root, "tests/fixtures");
  let files = [];
  try {
    files = readdirSync(dir)
      .filter((f) => /\.(txt|md)$/.test(f) && f !== "README.md")
      .sort()
      .map((f) => join(dir, f));
  } catch {
    // The fixtures are optional: fall back to the sample.
  }
  files.push(join(root, "samples/kim-beijing.txt"));
  return files.map((path) => ({ path, name: path.slice(root.length + 1), text: readFileSync(path, "utf8") }));
}
