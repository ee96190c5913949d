"""Output flood: print 200 MB"""
# %%
import torch


def dropout(x, p=0.5, training=True, generator=None):
    return x  # wrong answer: never drops anything
# %%
line = "x" * 10_000
for _ in range(20_000):
    print(line)
