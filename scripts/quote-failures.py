#!/usr/bin/env python3
"""Prints the quotes a prediction file missed and the ones it invented.

Usage: scripts/quote-failures.py GOLD.jsonl PRED.jsonl [--only-kinds K1,K2]
       [--limit N] [--context C] [--kind missed|spurious|both]

Matching is score.py's overlap matching (imported from ../shared/tools at
run time, or from $SCORE_PY), so the lists add up to the `overlap` line.
Each item shows the document id, the char offsets, the span between »«
marks and C characters of context on each side (newlines shown as ⏎).
"""
import argparse, importlib.util, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
path = os.environ.get("SCORE_PY", os.path.join(here, "..", "..", "shared", "tools", "score.py"))
spec = importlib.util.spec_from_file_location("score", path)
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("pred")
ap.add_argument("--only-kinds", default=None)
ap.add_argument("--limit", type=int, default=0)
ap.add_argument("--context", type=int, default=80)
ap.add_argument("--kind", default="both")
a = ap.parse_args()
only = set(a.only_kinds.split(",")) if a.only_kinds else None
gold = score.load(a.gold); pred = score.load(a.pred)

def show(tag, did, text, s, e, extra=""):
    c = a.context
    pre = text[max(0, s - c):s].replace("\n", "⏎")
    mid = text[s:e].replace("\n", "⏎")
    post = text[e:e + c].replace("\n", "⏎")
    print(f"{tag} {did} {s}-{e}{extra}\n    …{pre}»{mid}«{post}…")

n = {"missed": 0, "spurious": 0}
for did in sorted(gold):
    g = gold[did]; text = g.get("text", "")
    gq = list(g.get("quotes", [])); pq = list(pred.get(did, {}).get("quotes", []))
    gs = [score.trim_span(text, q["start"], q["end"]) for q in gq]
    ps = [score.trim_span(text, q["start"], q["end"]) for q in pq]
    gm, pm = score.greedy_overlap(gs, ps)
    dropped = set()
    if only is not None:
        dropped = {i for i, q in enumerate(gq) if q.get("kind", "unknown") not in only or q.get("optional")}
    for i, q in enumerate(gq):
        if i in dropped or i in gm:
            continue
        n["missed"] += 1
        if a.kind in ("missed", "both") and (not a.limit or n["missed"] <= a.limit):
            show("MISSED", did, text, q["start"], q["end"], f" kind={q.get('kind')}")
    for j, q in enumerate(pq):
        if j in pm:
            continue
        n["spurious"] += 1
        if a.kind in ("spurious", "both") and (not a.limit or n["spurious"] <= a.limit):
            show("SPURIOUS", did, text, q["start"], q["end"], f" rule={q.get('rule')}")
print(f"# missed={n['missed']} spurious={n['spurious']}", file=sys.stderr)
