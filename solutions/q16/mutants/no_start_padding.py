"""Catches: no start padding — the first n-1 characters of each text are skipped instead of padded."""
import math
from collections import Counter


def bits_per_char(train_text, test_text, n=3, alpha=1.0):
    V = len(set(train_text)) + 1
    k = n - 1
    pairs = Counter((train_text[i - k:i], train_text[i]) for i in range(k, len(train_text)))
    ctx = Counter(train_text[i - k:i] for i in range(k, len(train_text)))
    total, count = 0.0, 0
    for i in range(k, len(test_text)):
        h, c = test_text[i - k:i], test_text[i]
        total -= math.log2((pairs[(h, c)] + alpha) / (ctx[h] + alpha * V))
        count += 1
    return total / max(count, 1)
