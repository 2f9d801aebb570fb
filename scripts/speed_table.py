#!/usr/bin/env python3
"""One table of the evaluation harness's speed.py results: abridge's row from
this run beside the peers', so that they stand side by side.

    speed_table.py OURS.json [PEERS.json] [--peers-source TEXT]

OURS.json is what `speed.py --json` wrote for this run; PEERS.json, if given,
is another speed.py result on the same inputs (the harness's stored run, or a
live one with ABRIDGE_BENCH_PEERS=1). Rows of PEERS.json that OURS.json also
has are skipped. Seconds are per summary inside a started process, as speed.py
measures them; the exponent is the least-squares slope of log(seconds) on
log(bytes) over the sizes that finished.
"""
import argparse
import json
import math


def exponent(points):
    """Least-squares slope of log(seconds) on log(bytes), or None."""
    if len(points) < 2:
        return None
    xs = [math.log(b) for b, _ in points]
    ys = [math.log(s) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx


def cell(run):
    if run is None:
        return "not run"
    if run.get("status") == "ok":
        return f"{run['seconds']:.3g}"
    if run.get("status") == "timeout":
        return "timeout"
    return run.get("status", "?")


def label(size):
    size = int(size)
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ours")
    ap.add_argument("peers", nargs="?")
    ap.add_argument("--peers-source", default="the peers' file")
    args = ap.parse_args()

    ours = json.load(open(args.ours))
    rows = [(name, runs, "this run") for name, runs in ours["results"].items()]
    sizes = list(ours["inputs"])
    if args.peers:
        peers = json.load(open(args.peers))
        mismatched = [s for s in peers["inputs"] if s in ours["inputs"]
                      and peers["inputs"][s]["bytes"] != ours["inputs"][s]["bytes"]]
        if mismatched:
            raise SystemExit(f"speed_table: the peers ran on other inputs ({mismatched})")
        rows += [(name, runs, args.peers_source) for name, runs in peers["results"].items()
                 if name not in ours["results"]]
        sizes += [s for s in peers["inputs"] if s not in sizes]
    sizes.sort(key=int)
    actual = {**(peers["inputs"] if args.peers else {}), **ours["inputs"]}

    print("| system | " + " | ".join(f"{label(s)} (s)" for s in sizes) + " | exponent b | measured |")
    print("|---|" + "---:|" * len(sizes) + "---:|---|")
    for name, runs, source in rows:
        done = [(actual[s]["bytes"], runs[s]["seconds"]) for s in sizes
                if runs.get(s, {}).get("status") == "ok" and runs[s]["seconds"] > 0]
        b = exponent(done)
        cells = " | ".join(cell(runs.get(s)) for s in sizes)
        print(f"| {name} | {cells} | {'—' if b is None else f'{b:.2f}'} | {source} |")


if __name__ == "__main__":
    main()
