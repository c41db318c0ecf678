#!/usr/bin/env python3
"""Speaker accuracy on PDNC by quotation type (Explicit, Anaphoric, Implicit).

Usage: scripts/pdnc-by-type.py GOLD.jsonl PRED.jsonl [SHARED_DIR]

Matches gold and predicted quotes exactly as ../shared/tools/score.py does
(one-to-one greedy overlap of trimmed spans) and uses its speaker test, so
the "all" line equals score.py's `speaker acc`. PDNC records carry
`quote_type`; records without one are counted under "(none)".
The scorer is imported from SHARED_DIR/tools (default ../shared) at run
time; nothing from ../shared is copied into the project.
"""
import collections
import os
import sys


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    gold_path, pred_path = sys.argv[1], sys.argv[2]
    shared = sys.argv[3] if len(sys.argv) == 4 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
    sys.path.insert(0, os.path.join(shared, "tools"))
    import score as S  # noqa: E402

    gold, pred = S.load(gold_path), S.load(pred_path)
    n = collections.Counter()
    ok = collections.Counter()
    gold_n = collections.Counter()
    for did, g in gold.items():
        text = g.get("text", "")
        gq = [q for q in g.get("quotes", []) if not q.get("optional")]
        pq = pred.get(did, {}).get("quotes", [])
        gs = [S.trim_span(text, int(q["start"]), int(q["end"])) for q in gq]
        ps = [S.trim_span(text, int(q["start"]), int(q["end"])) for q in pq]
        gm, _ = S.greedy_overlap(gs, ps)
        for i, q in enumerate(gq):
            t = q.get("quote_type") or "(none)"
            gold_n[t] += 1
            j = gm.get(i)
            if j is None or q.get("speaker") is None:
                continue
            p = pq[j]
            names = [q["speaker"]] + list(q.get("speaker_aliases") or []) + list(q.get("speaker_aliases_auto") or [])
            good = S.speaker_match(p.get("speaker"), names) or S.mention_match(q, p, text)
            for key in (t, "all"):
                n[key] += 1
                ok[key] += good
    gold_n["all"] = sum(v for k, v in gold_n.items())
    print(f"{'type':10} {'n_gold':>7} {'matched':>8} {'spk_acc':>8}")
    for t in ["Explicit", "Anaphoric", "Implicit", "(none)", "all"]:
        if gold_n[t] == 0 and n[t] == 0:
            continue
        acc = ok[t] / n[t] if n[t] else 0.0
        print(f"{t:10} {gold_n[t]:7d} {n[t]:8d} {acc:8.4f}")


if __name__ == "__main__":
    main()
