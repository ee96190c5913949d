"""Memory bomb: allocate and touch 64 GiB"""
# %%
import torch


def dropout(x, p=0.5, training=True, generator=None):
    return x  # wrong answer: never drops anything
# %%
blocks = []
while True:
    blocks.append(bytearray(512 * 1024 * 1024))
