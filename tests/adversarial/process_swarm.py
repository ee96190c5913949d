"""Process swarm: start 64 long-lived processes"""
# %%
import torch


def dropout(x, p=0.5, training=True, generator=None):
    return x  # wrong answer: never drops anything
# %%
import subprocess
procs = [subprocess.Popen(["sleep", "987654"]) for _ in range(64)]
