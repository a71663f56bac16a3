#!/usr/bin/env python3
"""Reference for RawSampling: 64-bit FNV-1a over UTF-8, SplitMix64 finalizer, top 53 bits / 2^53, written
independently of the Java code. Output: src/test/resources/reference/raw_sampling.json with, per id, the
hash (unsigned decimal), the fraction (repr, exact double) and the kept flag at each rate."""
import json
import random

MASK = (1 << 64) - 1
FNV_OFFSET = 0xcbf29ce484222325
FNV_PRIME = 0x100000001b3


def hash64(text):
    h = FNV_OFFSET
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * FNV_PRIME) & MASK
    h = ((h ^ (h >> 30)) * 0xbf58476d1ce4e5b9) & MASK
    h = ((h ^ (h >> 27)) * 0x94d049bb133111eb) & MASK
    return h ^ (h >> 31)


def fraction(text):
    return (hash64(text) >> 11) / float(1 << 53)


rng = random.Random(20261124)
ids = ["", "p-0", "p-1", "ünïcode-ß-✓", "a" * 100]
ids += ["p-%d" % i for i in range(2, 40)]
ids += ["%032x" % rng.getrandbits(128) for _ in range(40)]
rates = [0.0, 0.01, 0.1, 0.5, 1.0]
cases = [{"id": i, "hash": str(hash64(i)), "fraction": repr(fraction(i)),
          "kept": [fraction(i) < r for r in rates]} for i in ids]
with open("src/test/resources/reference/raw_sampling.json", "w") as out:
    json.dump({"generator": "src/test/python/gen_raw_sampling.py", "rates": rates, "cases": cases}, out, indent=1,
              ensure_ascii=False)
    out.write("\n")
