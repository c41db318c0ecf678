#!/usr/bin/env python3
"""Calibration of whosaid's confidences: for each confidence bucket, how many
attributed predictions there are and how many are right (the quote matches
a gold quote by the scorer's overlap rule and its speaker is correct).

Usage: scripts/calibration.py GOLD.jsonl PRED.jsonl [--only-kinds direct,mixed] [--by-rule]
Uses the scorer's own matching (../shared/tools/score.py, or $SCORE_PY).
"""
import argparse, collections, importlib.util, json, os, sys

def load_scorer():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.environ.get("SCORE_PY", os.path.join(here, "..", "..", "shared", "tools", "score.py"))
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold"); ap.add_argument("pred")
    ap.add_argument("--only-kinds", default=None)
    ap.add_argument("--by-rule", action="store_true")
    a = ap.parse_args()
    S = load_scorer()
    gold, pred = S.load(a.gold), S.load(a.pred)
    kinds = set(a.only_kinds.split(",")) if a.only_kinds else None
    edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01]
    rows = collections.defaultdict(lambda: [0, 0])
    rules = collections.defaultdict(lambda: [0, 0])
    for did, g in gold.items():
        text = g["text"]
        gq = [q for q in g.get("quotes", []) if not q.get("optional")]
        pq = [q for q in pred.get(did, {}).get("quotes", []) if q.get("speaker") is not None]
        gs = [S.trim_span(text, q["start"], q["end"]) for q in gq]
        ps = [S.trim_span(text, q["start"], q["end"]) for q in pq]
        gm, pm = S.greedy_overlap(gs, ps)
        for j, p in enumerate(pq):
            i = pm.get(j)
            if kinds is not None and i is not None and gq[i].get("kind") not in kinds:
                continue  # matched a gold quote of a dropped kind
            ok = False
            if i is not None:
                q = gq[i]
                names = [q["speaker"]] + list(q.get("speaker_aliases") or []) + list(q.get("speaker_aliases_auto") or []) if q.get("speaker") else []
                ok = bool(names) and (S.speaker_match(p.get("speaker"), names) or S.mention_match(q, p, text))
            c = float(p.get("confidence") or 0.0)
            b = max(k for k in range(len(edges) - 1) if c >= edges[k])
            rows[b][0] += 1
            rows[b][1] += ok
            key = (p.get("rule"), p.get("mention_kind")) if a.by_rule else p.get("rule")
            rules[key][0] += 1
            rules[key][1] += ok
    print("| confidence | attributions | right | accuracy |")
    print("|---|---|---|---|")
    for b in range(len(edges) - 1):
        n, ok = rows[b]
        hi = min(edges[b + 1], 1.0)
        print("| %.2f–%.2f | %d | %d | %s |" % (edges[b], hi, n, ok, "%.3f" % (ok / n) if n else "–"))
    n = sum(rows[b][0] for b in range(len(edges) - 1) if edges[b] >= 0.9)
    ok = sum(rows[b][1] for b in range(len(edges) - 1) if edges[b] >= 0.9)
    print("| **≥ 0.90** | %d | %d | %s |" % (n, ok, "%.3f" % (ok / n) if n else "–"))
    if a.by_rule:
        print()
        print("| rule, mention kind | attributions | accuracy |")
        print("|---|---|---|")
        for r, (n, ok) in sorted(rules.items(), key=lambda x: -x[1][0]):
            print("| %s | %d | %.3f |" % (" / ".join(map(str, r)), n, ok / n if n else 0))

if __name__ == "__main__":
    main()
