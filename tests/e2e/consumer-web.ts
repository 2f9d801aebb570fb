// Type-checks against the web build's .d.ts as a bundler sees them
// (moduleResolution bundler: `abridge/web`, with its init function).
import init, { initSync, summarize } from "abridge/web";
import type { Summary, Keyword, Entity, Stats, Penalty, UnitKind, TextKind } from "abridge/web";

export async function run(text: string): Promise<string> {
  await init();
  const result: Summary = summarize(text, { chars: 280 });
  const keywords: Keyword[] = result.keywords;
  const entities: Entity[] = result.entities;
  const stats: Stats = result.stats;
  const penalties: Penalty[] = result.sentences.flatMap((s) => s.features.penalties);
  const kinds: UnitKind[] = result.sentences.map((s) => s.kind);
  const kind: TextKind = result.kind;
  // @ts-expect-error: not a penalty
  const wrong: Penalty = "long";
  return [result.summary, keywords.length, entities.length, stats.sentencesIn, penalties, kinds, kind, wrong].join();
}

export function runSync(bytes: BufferSource): string {
  initSync({ module: bytes });
  return summarize("Text.").summary;
}
