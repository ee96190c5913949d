"""Catches: test text leaking into counts — the model is trained on train_text + test_text."""
import math
from collections import Counter


def bits_per_char(train_text, test_text, n=3, alpha=1.0):
    data = train_text + test_text
    known = set(data)
    V = len(known) + 1
    pad = "\x00" * (n - 1)
    tr, te = pad + data, pad + test_text
    pairs = Counter((tr[i:i + n - 1], c) for i, c in enumerate(data))
    ctx = Counter(tr[i:i + n - 1] for i in range(len(data)))
    total = 0.0
    for i, c in enumerate(test_text):
        h = te[i:i + n - 1]
        total -= math.log2((pairs[(h, c)] + alpha) / (ctx[h] + alpha * V))
    return total / len(test_text)
