#!/usr/bin/env bash
# `make eval`: ROUGE of abridge against Lead, the oracle and the peers on the dev
# sets, plus the sentence-boundary report. Needs the evaluation checkout beside
# the project (../shared); skips with a message when it is absent.
#
#   scripts/eval.sh                      every dataset, every peer
#   EVAL_SETS="cnn_dailymail" EVAL_SYSTEMS="lead oracle" scripts/eval.sh
#   EVAL_LIMIT=100 scripts/eval.sh       first 100 documents of each set
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${ABRIDGE_SHARED:-$root/../shared}
if [ ! -f "$shared/eval/run.py" ]; then
  echo "make eval: no evaluation harness at $shared/eval (it is not part of the project); skipping."
  exit 0
fi

cargo build --release --quiet
[ -n "${EVAL_SKIP_SETUP:-}" ] || bash "$shared/eval/setup.sh" >/dev/null
out="$root/target/eval"
mkdir -p "$out"
systems=${EVAL_SYSTEMS:-all}
sets=${EVAL_SETS:-"cnn_dailymail bbc_news_summary scisummnet orangesum_fr klexikon_de lcsts_zh segmentation"}
limit=()
[ -z "${EVAL_LIMIT:-}" ] || limit=(--limit "$EVAL_LIMIT")
cli="$root/target/release/abridge --jsonl"

rouge() {
  local name=$1
  shift
  echo "== $name =="
  # shellcheck disable=SC2086
  python3 "$shared/eval/run.py" --data "$shared/data/$name/dev.jsonl.gz" "${limit[@]}" \
    --system $systems --system-cmd abridge="$cli" --json "$out/$name.json" "$@" \
    | tee "$out/$name.md"
  echo
}

for set in $sets; do
  case $set in
    cnn_dailymail) rouge cnn_dailymail --sentences 3 ;;
    bbc_news_summary) rouge "$set" --match-reference ;;
    scisummnet)
      rouge "$set" --match-reference
      # The same papers at a 200-word budget (the harness asks for sentences only).
      echo "== scisummnet, 200 words =="
      ABRIDGE_SHARED="$shared" python3 "$root/scripts/eval_words.py" "$shared/data/$set/dev.jsonl.gz" --words 200 \
        "${limit[@]}" --cli "$root/target/release/abridge" | tee "$out/$set-200-words.md"
      echo
      ;;
    orangesum_fr | lcsts_zh) rouge "$set" --match-reference --rouge-tokenizer unicode ;;
    klexikon_de)
      # sumy-kl needs hours on these long articles; every other peer runs.
      klexikon_systems=$systems
      [ "$systems" != all ] || klexikon_systems="lead random oracle lexrank-py summa-textrank sumy-lexrank
        sumy-textrank sumy-lsa sumy-luhn sumy-sumbasic node-summary node-lexrank node-text-summarization node-sum"
      systems=$klexikon_systems rouge "$set" --match-reference --rouge-tokenizer unicode
      ;;
    segmentation)
      echo "== sentence boundaries =="
      cargo build --release --quiet --example segment_eval 2>/dev/null || { echo "(segment_eval example not built yet)"; continue; }
      for data in golden_rules ud_sentences; do
        echo "-- $data"
        gzip -dc "$shared/data/$data/dev.jsonl.gz" | "$root/target/release/examples/segment_eval" | tee "$out/$data.txt"
      done
      ;;
    *) echo "unknown set $set" >&2; exit 2 ;;
  esac
done
echo "tables written to $out"
