#!/usr/bin/env python3
"""ROUGE at a word budget: abridge `--words W` against Lead and ranking peers.

The evaluation harness (../shared/eval) asks every system for K sentences. A
word budget needs each system's ranking instead, so this script asks the peers
for their sentence scores and applies one rule to every system: take sentences
best first, skip one that would go over W words, go on; if none fits, take the
best alone; print the chosen ones in document order. Lead's ranking is document
order. Words are counted by white space, as the harness counts them. abridge
applies the same rule in its own selection (`--words`), counting its own words.

  scripts/eval_words.py DATA.jsonl.gz [--words 200] [--limit N] [--cli PATH] [--json OUT]

It imports the harness (run.py, systems.py) and runs in the harness's venv.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED_EVAL = os.path.join(os.environ.get("ABRIDGE_SHARED") or os.path.join(HERE, "..", "..", "shared"), "eval")
sys.path.insert(0, SHARED_EVAL)
import run  # noqa: E402

if __name__ == "__main__":
    run.ensure_venv()
systems = run.systems


def words(sentence):
    return len(sentence.split())


def fit(sentences, ranking, budget):
    """Indices of `sentences` taken best first within `budget` words, in document order."""
    chosen, used = [], 0
    for i in ranking:
        n = words(sentences[i])
        if used + n <= budget:
            chosen.append(i)
            used += n
    if not chosen and ranking:
        chosen = [ranking[0]]
    return [sentences[i] for i in sorted(chosen)]


def lead():
    splitter = systems.Splitter("punkt")

    def summarize(doc, budget):
        sentences = splitter.split(doc["text"], doc.get("lang"))
        return fit(sentences, range(len(sentences)), budget)
    return summarize


def by_scores(sentences, scores):
    return sorted(range(len(sentences)), key=lambda i: -scores[i])


def sumy_lexrank():
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    ranker = LexRankSummarizer(Stemmer("english"))
    ranker.stop_words = get_stop_words("english")
    tokenizer = Tokenizer("english")
    ratings = {}
    # The summarizer rates every sentence and then keeps the best K: keep the ratings instead.
    ranker._get_best_sentences = lambda sentences, count, rating, *a, **k: ratings.update(rating=rating)

    def summarize(doc, budget):
        document = PlaintextParser.from_string(doc["text"], tokenizer).document
        ranker(document, 1)
        rating = ratings.pop("rating", {})
        sentences = [str(s) for s in document.sentences]
        return fit(sentences, by_scores(sentences, [rating.get(s, 0.0) for s in document.sentences]), budget)
    return summarize


def summa_textrank():
    from summa import summarizer

    def summarize(doc, budget):
        ranked = summarizer.summarize(doc["text"], ratio=1.0, language="english", split=True, scores=True)
        sentences = [text for text, _ in ranked]
        return fit(sentences, by_scores(sentences, [score for _, score in ranked]), budget)
    return summarize


def abridge(cli, docs, budget):
    # The harness's protocol and batch runner, with "words" in place of "sentences".
    inputs = []
    for doc in docs:
        line = run.protocol_input(doc, None)
        del line["sentences"]
        inputs.append(dict(line, words=budget))
    batch = run.run_batch([cli, "--jsonl"], False, inputs, 3600)
    replies = run.align_outputs(docs, batch["outputs"])
    return [str((r or {}).get("summary") or "").split("\n") for r in replies]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("--words", type=int, default=200)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--cli", default=os.path.join(HERE, "..", "target", "release", "abridge"))
    ap.add_argument("--json")
    args = ap.parse_args()

    docs, _ = run.load_docs(args.data, args.limit)
    outputs = {}
    for name, make in [("lead", lead), ("sumy-lexrank", sumy_lexrank), ("summa-textrank", summa_textrank)]:
        summarize = make()
        outputs[name] = [summarize(d, args.words) for d in docs]
    outputs = dict(lead=outputs.pop("lead"), abridge=abridge(args.cli, docs, args.words), **outputs)

    scorer = run.make_scorer("default")
    scores = {name: run.score_all(docs, ["\n".join(systems.one_line(s) for s in summ if s.strip())
                                         for summ in summaries], scorer)
              for name, summaries in outputs.items()}
    print("Data: %s, %d documents; budget %d words (white-space words); ROUGE F1 x100, "
          "[95%% CI]; p: paired bootstrap vs lead, R1/R2/RLsum"
          % (run.short_path(args.data), len(docs), args.words))
    print()
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | p vs lead | words | sents |")
    print("|---|---|---|---|---|---|---|")
    results = {}
    for name, summaries in outputs.items():
        cells, ps = [], []
        for metric in run.METRICS:
            base = None if name == "lead" else scores["lead"][metric]
            (low, high), p = run.bootstrap(scores[name][metric], base, 1000, 0)
            mean = sum(scores[name][metric]) / len(docs)
            cells.append("%.2f [%.2f, %.2f]" % (mean, low, high))
            ps.append(run.fmt_p(p, 1000))
            results.setdefault(name, {})[metric] = mean
        n_words = sum(words(s) for summ in summaries for s in summ) / len(docs)
        n_sents = sum(len([s for s in summ if s.strip()]) for summ in summaries) / len(docs)
        results[name]["words"] = n_words
        print("| %s | %s | %s | %.1f | %.2f |" % (
            name, " | ".join(cells), "(baseline)" if name == "lead" else "/".join(ps), n_words, n_sents))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
