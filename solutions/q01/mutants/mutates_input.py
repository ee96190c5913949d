"""Catches: input mutated in place (the catalog's convention: nothing is mutated unless the contract says so) — q is scaled with an in-place division."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    q = q.detach().div_(math.sqrt(q.size(-1))) if not q.requires_grad else q / math.sqrt(q.size(-1))
    scores = q @ k.transpose(-2, -1)
    empty = None
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
        empty = ~mask.any(-1, keepdim=True)
        scores = scores.masked_fill(empty, 0.0)
    weights = torch.softmax(scores, dim=-1)
    if empty is not None:
        weights = weights.masked_fill(empty, 0.0)
    return weights @ v, weights
