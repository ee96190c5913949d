"""Segfault the kernel"""
# %%
import torch


def dropout(x, p=0.5, training=True, generator=None):
    return x  # wrong answer: never drops anything
# %%
import ctypes
ctypes.string_at(0)
