"""Catches: natural log instead of log2 — nats per character, not bits."""
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
        total -= math.log((pairs[(h, c)] + alpha) / (ctx[h] + alpha * V))
    return total / len(test_text)
