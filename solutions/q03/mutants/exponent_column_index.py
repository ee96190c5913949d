"""Catches: exponent `j/d` with the column index j — the odd (cos) columns use (2i+1)/d instead of 2i/d."""
import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    position = torch.arange(seq_len, dtype=torch.float32).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float32) * (-math.log(10000.0) / d_model))
    pe = torch.zeros(seq_len, d_model)
    pe[:, 0::2] = torch.sin(position * div_term)
    odd = torch.exp(torch.arange(1, d_model, 2, dtype=torch.float32) * (-math.log(10000.0) / d_model))
    pe[:, 1::2] = torch.cos(position * odd)
    return pe
