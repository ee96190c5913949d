"""The wrong answer every attack is paired with, alone: the score no attack may beat"""
# %%
import torch


def dropout(x, p=0.5, training=True, generator=None):
    return x  # wrong answer: never drops anything
