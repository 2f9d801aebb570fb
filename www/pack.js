// A summary as the page uses it: the sentences' numbers as typed arrays (which a
// worker can transfer instead of cloning) plus the small parts as they are. Used by
// worker.js and, for the first summary and the main-thread fallback, by main.js.
//
// scripts/site.mjs inlines this module into both where they import it (the single
// file, dist/abridge.html, can import nothing), so it must stay self-contained: no
// imports, only `export function`, `export const` and `const` declarations.

/** The unit kinds' numbers in the packed `kinds` array. */
export const KINDS = { sentence: 0, heading: 1, listItem: 2, code: 3, timestamp: 4, reference: 5 };

/**
 * summarize()'s result → { message, transfer }: `message` is what the page renders
 * (without `id` and `ms`, which the caller adds), `transfer` the buffers of its typed
 * arrays. The page has the text, so sentence texts are not included.
 */
export function pack(result) {
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
