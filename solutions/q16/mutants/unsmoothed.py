"""Catches: unsmoothed zero probabilities (inf) — maximum-likelihood counts without alpha."""
import math
from collections import Counter


def bits_per_char(train_text, test_text, n=3, alpha=1.0):
    known = set(train_text)
    V = len(known) + 1
    pad = "\x00" * (n - 1)
    tr, te = pad + train_text, pad + test_text
    pairs = Counter((tr[i:i + n - 1], c) for i, c in enumerate(train_text))
    ctx = Counter(tr[i:i + n - 1] for i in range(len(train_text)))
    total = 0.0
    for i, c in enumerate(test_text):
        h = te[i:i + n - 1]
        p = pairs[(h, c)] / ctx[h] if ctx[h] else 1.0 / V
        total += -math.log2(p) if p > 0 else math.inf
    return total / len(test_text)
