"""A correct answer in another style: plain Python loops with the math module, one entry at a time,
straight from the formula; float64 lists turned into a tensor at the end."""
import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    rows = []
    for pos in range(seq_len):
        row = []
        for j in range(d_model):
            i = j // 2
            angle = pos / (10000 ** (2 * i / d_model))
            row.append(math.sin(angle) if j % 2 == 0 else math.cos(angle))
        rows.append(row)
    return torch.tensor(rows, dtype=torch.float64).reshape(seq_len, d_model)
