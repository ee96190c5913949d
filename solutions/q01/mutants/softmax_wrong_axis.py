"""Catches: softmax over the wrong axis — normalised over the queries (dim=-2) instead of the keys."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    empty = None
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
        empty = ~mask.any(-1, keepdim=True)
        scores = scores.masked_fill(empty, 0.0)
    weights = torch.softmax(scores, dim=-2)
    if empty is not None:
        weights = weights.masked_fill(empty, 0.0).nan_to_num(0.0)
    return weights @ v, weights
