"""A correct answer in another style: an explicit loop over heads on slices of the projected features,
concatenated along the feature axis (the textbook Concat(head_1, ..., head_h) W^O)."""
import math

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, num_heads, bias=True):
        super().__init__()
        if d_model % num_heads:
            raise ValueError("d_model must be a multiple of num_heads")
        self.h, self.dk = num_heads, d_model // num_heads
        self.q_proj = nn.Linear(d_model, d_model, bias=bias)
        self.k_proj = nn.Linear(d_model, d_model, bias=bias)
        self.v_proj = nn.Linear(d_model, d_model, bias=bias)
        self.out_proj = nn.Linear(d_model, d_model, bias=bias)

    def forward(self, query, key, value, mask=None):
        Q, K, V = self.q_proj(query), self.k_proj(key), self.v_proj(value)
        heads = []
        for i in range(self.h):
            sl = slice(i * self.dk, (i + 1) * self.dk)
            s = torch.matmul(Q[..., sl], K[..., sl].transpose(1, 2)) / math.sqrt(self.dk)  # (B, Lq, Lk)
            if mask is not None:
                m = mask
                if m.dim() == 4:  # (B or 1, H or 1, Lq or 1, Lk) -> this head's slice
                    m = m[:, i if m.shape[1] > 1 else 0]
                s = s.masked_fill(~m, float("-inf"))
            heads.append(torch.softmax(s, dim=-1) @ V[..., sl])
        return self.out_proj(torch.cat(heads, dim=-1))
