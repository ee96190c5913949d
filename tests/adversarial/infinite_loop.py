"""Infinite loop in a cell"""
# %%
import torch


def dropout(x, p=0.5, training=True, generator=None):
    return x  # wrong answer: never drops anything
# %%
while True:
    pass
