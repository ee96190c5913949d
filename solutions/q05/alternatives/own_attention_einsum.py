"""A correct answer in another style: hand-written multi-head attention (q02-style q/k/v/out projections,
einsum, masked_fill before a softmax), a feed-forward module with named linears registered in reverse order,
and functional ReLU/dropout."""
import math

import torch
from torch import nn
import torch.nn.functional as F


class SelfAttention(nn.Module):
    def __init__(self, d_model, num_heads, dropout):
        super().__init__()
        if d_model % num_heads:
            raise ValueError("d_model must be divisible by num_heads")
        self.h, self.dk, self.p = num_heads, d_model // num_heads, dropout
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def forward(self, x, mask=None):
        b, s, _ = x.shape
        split = lambda t: t.view(b, s, self.h, self.dk)                  # (b, s, h, dk)
        q, k, v = split(self.q_proj(x)), split(self.k_proj(x)), split(self.v_proj(x))
        scores = torch.einsum("bqhd,bkhd->bhqk", q, k) / math.sqrt(self.dk)
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = F.dropout(scores.softmax(dim=-1), self.p, self.training)
        out = torch.einsum("bhqk,bkhd->bqhd", weights, v).reshape(b, s, self.h * self.dk)
        return self.out_proj(out)


class FeedForward(nn.Module):
    def __init__(self, d_model, d_ff, dropout):
        super().__init__()
        self.down = nn.Linear(d_ff, d_model)     # registered first on purpose: order does not matter
        self.up = nn.Linear(d_model, d_ff)
        self.p = dropout

    def forward(self, x):
        return self.down(F.dropout(F.relu(self.up(x)), self.p, self.training))


class TransformerBlock(nn.Module):
    def __init__(self, d_model, num_heads, d_ff, dropout=0.0):
        super().__init__()
        self.ln1 = nn.LayerNorm(d_model)
        self.attn = SelfAttention(d_model, num_heads, dropout)
        self.ln2 = nn.LayerNorm(d_model)
        self.ff = FeedForward(d_model, d_ff, dropout)
        self.p = dropout

    def forward(self, x, mask=None):
        y = x + F.dropout(self.attn(self.ln1(x), mask), self.p, self.training)
        return y + F.dropout(self.ff(self.ln2(y)), self.p, self.training)
