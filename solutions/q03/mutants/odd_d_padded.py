"""Catches: off-by-one on odd `d_model` — the table is built for d_model + 1 columns (exponent 2i/(d+1)) and then cut."""
import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    width = d_model + d_model % 2
    position = torch.arange(seq_len, dtype=torch.float32).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, width, 2, dtype=torch.float32) * (-math.log(10000.0) / width))
    pe = torch.zeros(seq_len, width)
    pe[:, 0::2] = torch.sin(position * div_term)
    pe[:, 1::2] = torch.cos(position * div_term)
    return pe[:, :d_model]
