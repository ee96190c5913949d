"""A correct answer in another style: float32 exp/log frequencies, (sin, cos) pairs stacked on a new axis and
flattened (interleaving them), then trimmed to d_model columns — the extra cos column of an odd d_model is cut."""
import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    half = (d_model + 1) // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half) * 2 / d_model)  # float32
    angles = torch.outer(torch.arange(seq_len, dtype=torch.float32), freqs)  # (seq_len, half)
    pe = torch.stack((angles.sin(), angles.cos()), dim=-1).flatten(1)  # sin0 cos0 sin1 cos1 ...
    return pe[:, :d_model].contiguous()
