"""Catches: eps outside the sqrt — dividing by sqrt(var) + eps."""
import torch


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    if isinstance(normalized_shape, int):
        normalized_shape = (normalized_shape,)
    dims = tuple(range(x.dim() - len(normalized_shape), x.dim()))
    mean = x.mean(dim=dims, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=dims, keepdim=True)
    y = (x - mean) / (torch.sqrt(var) + eps)
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y
