"""Catches: positions counted from 1 instead of 0."""
import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    position = torch.arange(1, seq_len + 1, dtype=torch.float32).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float32) * (-math.log(10000.0) / d_model))
    pe = torch.zeros(seq_len, d_model)
    pe[:, 0::2] = torch.sin(position * div_term)
    pe[:, 1::2] = torch.cos(position * div_term[: d_model // 2])
    return pe
