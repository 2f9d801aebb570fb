// Type-checks against the package's .d.ts as a Node program sees them
// (moduleResolution nodenext: the "node" condition of the exports map).
import init, { initSync, summarize, segment, version } from "abridge";
import type { Summary, SummarizeOptions, Sentence, Segment, LanguageCode, Features } from "abridge";

const options: SummarizeOptions = { ratio: 0.2, language: "de", redundancy: 0.5, keywords: 5, entities: 3 };
const result: Summary = summarize("Some text. More text.", options);
const first: Sentence | undefined = result.sentences[0];
const start: number = first?.start ?? 0;
const selected: boolean = first?.selected ?? false;
const features: Features | undefined = first?.features;
const language: LanguageCode = result.language;
const spans: Segment[] = segment("One. Two.", { language: "auto" });
const v: string = version();
summarize("text");
summarize("text", null);
summarize("text", { sentences: 3 });
summarize("text", { words: 50, language: "pt-BR" });
// `undefined` counts as absent, also under exactOptionalPropertyTypes.
declare const maybe: number | undefined;
summarize("text", { sentences: maybe, language: undefined, redundancy: undefined });
summarize("text", { words: 5, sentences: undefined });
// As a page would (it does nothing in Node).
void init();
initSync();

// @ts-expect-error: two lengths at once
summarize("text", { sentences: 2, ratio: 0.5 });
// @ts-expect-error: a misspelt option
summarize("text", { sentence: 2 });
// @ts-expect-error: counts are numbers
summarize("text", { sentences: "2" });
// @ts-expect-error: the text is a string
summarize(42);
// @ts-expect-error: the result has no such field
result.sentences[0]?.score.toFixed(2).foo;

export { start, selected, features, language, spans, v };
