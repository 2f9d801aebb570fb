#!/usr/bin/env bash
# `make bench`, in one run:
#   1. native throughput (benches/throughput.rs): English news at 10 KB, 100 KB,
#      1 MB and 10 MB, German and Chinese at 1 MB (and a megabyte of real news
#      when ../shared is present), against a bare UAX #29
#      sentence pass and word pass on the same text, with the scaling exponent;
#   2. the wasm package in Node on the same inputs, with the native call timed
#      again in alternation with it (the share of native throughput), the
#      growth of the wasm memory and the gzip size of the module
#      (scripts/bench-wasm.mjs);
#   3. peak memory (max RSS) of the native CLI on each input, as a multiple of
#      the input;
#   4. when the evaluation harness is checked out beside the project as
#      ../shared, its speed.py with the CLI plugged in, on 10 KB to 10 MB, in
#      one table with the peers: their rows from the harness's stored run on
#      the same inputs (../shared/eval/results/speed.pysbd.json), or run live
#      up to 1 MB with ABRIDGE_BENCH_PEERS=1 (about half an hour: most peers
#      time out at 1 MB after two minutes each).
# ABRIDGE_BENCH_QUICK=1 skips the 10 MB input everywhere.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
out="$target/bench-native.md"
inputs="$target/bench-inputs"
quick=${ABRIDGE_BENCH_QUICK:-0}
mkdir -p "$target"

cargo build --release --locked --bin abridge
rm -rf "$inputs"
# With ../shared beside the project, a row for real text too: the CNN and BBC
# dev articles, whole, until a megabyte (the built inputs repeat five
# articles; see benches/throughput.rs).
data="$root/../shared/data"
if [ -f "$data/cnn_dailymail/dev.jsonl.gz" ] && [ -f "$data/bbc_news_summary/dev.jsonl.gz" ]; then
  export ABRIDGE_BENCH_REAL="$target/real-news-1-MB.txt"
  python3 - "$data" "$ABRIDGE_BENCH_REAL" <<'PY'
import gzip, json, sys
data, out = sys.argv[1:]
texts, size = [], 0
for name in ("cnn_dailymail", "bbc_news_summary"):
    for line in gzip.open(f"{data}/{name}/dev.jsonl.gz", "rt", encoding="utf-8"):
        if size >= 1 << 20:
            break
        texts.append(json.loads(line)["text"])
        size += len(texts[-1].encode()) + 2
open(out, "w", encoding="utf-8").write("\n\n".join(texts))
PY
fi
ABRIDGE_BENCH_WRITE="$inputs" cargo bench --locked --bench throughput
cargo bench --locked --bench throughput | tee "$out"
echo
# The same executable times the native side between the wasm's runs.
native=$(cargo bench --locked --bench throughput --no-run 2>&1 |
  sed -n 's/.*Executable benches\/throughput.rs (\(.*\))$/\1/p' | tail -1)
node scripts/bench-wasm.mjs "$native"

echo
# Max RSS in KiB of one run of the CLI. GNU time reports the child alone; a
# fork from Python would count the interpreter's pages in the child (13 MB).
if [ -x /usr/bin/time ]; then
  how="/usr/bin/time"
  max_rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
else
  how="getrusage from Python, which counts the forking interpreter's pages too"
  max_rss() {
    python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
  }
fi
echo "Peak memory of the native CLI: \`abridge --sentences 10 FILE\`, max RSS ($how)."
echo
: > "$target/bench-empty.txt"
empty=$(max_rss "$target/release/abridge" --sentences 10 "$target/bench-empty.txt")
echo "| input | size | max RSS | × input | above an empty input | × input |"
echo "|---|---:|---:|---:|---:|---:|"
for file in $(ls -S -r "$inputs"/*.txt); do
  bytes=$(stat -c %s "$file")
  kb=$(max_rss "$target/release/abridge" --sentences 10 "$file")
  awk -v name="$(basename "$file" .txt)" -v bytes="$bytes" -v kb="$kb" -v empty="$empty" 'BEGIN {
    mb = bytes / 1048576; size = mb >= 1 ? sprintf("%.1f MB", mb) : sprintf("%.0f KB", bytes / 1024)
    printf "| %s | %s | %.1f MB | %.1f× | %.1f MB | %.1f× |\n", name, size, kb / 1024, kb * 1024 / bytes,
      (kb - empty) / 1024, (kb - empty) * 1024 / bytes }'
done
echo
echo "(an empty input: $(awk -v kb="$empty" 'BEGIN { printf "%.1f MB", kb / 1024 }') resident)"

shared="$root/../shared/eval"
echo
if [ -f "$shared/speed.py" ]; then
  sizes=10000,100000,1000000
  [ "$quick" = 1 ] || sizes="$sizes,10000000"
  echo "The evaluation harness's speed.py with the CLI plugged in (abridge --jsonl):"
  echo
  # Its peers and ROUGE live in a venv of the harness's own (idempotent, as in
  # scripts/eval.sh): a fresh machine has none.
  [ -n "${EVAL_SKIP_SETUP:-}" ] || bash "$shared/setup.sh" >/dev/null
  data="$root/../shared/data/bbc_news_summary/dev.jsonl.gz"
  python3 "$shared/speed.py" --data "$data" \
    --sizes "$sizes" --system-cmd abridge="$target/release/abridge --jsonl" \
    --json "$target/bench-speed.json"
  peers="$shared/results/speed.pysbd.json"
  source="stored run, pysbd splitter (results/speed.pysbd.md)"
  if [ "${ABRIDGE_BENCH_PEERS:-0}" = 1 ]; then
    python3 "$shared/speed.py" --data "$data" --sizes 10000,100000,1000000 \
      --json "$target/bench-speed-peers.json"
    peers="$target/bench-speed-peers.json"
    source="this run"
  fi
  echo
  if [ -f "$peers" ]; then
    echo "abridge and the peers, seconds per 10-sentence summary inside a started process"
    echo "(lead, random and lexrank-py split sentences with the harness's splitter, which"
    echo "the stored run set to pysbd, slower than this run's punkt; the others split their own):"
    echo
    python3 scripts/speed_table.py "$target/bench-speed.json" "$peers" --peers-source "$source"
  fi
else
  echo "(no ../shared/eval: the evaluation harness's speed.py is skipped)"
fi

# The adversarial inputs of tests/adversarial.rs, timed (the test only bounds them).
echo
echo "Adversarial inputs (native, slowest of the option sets; docs/reliability.md):"
echo
cargo run --release --locked --quiet --example adversarial_table
