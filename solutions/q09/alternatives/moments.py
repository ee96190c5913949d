"""A correct answer in another style: explicit first and second central moments with sum / count, einsum-free broadcasting."""
import torch


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    if not isinstance(normalized_shape, (tuple, list)):
        normalized_shape = (int(normalized_shape),)
    k = len(normalized_shape)
    dims = list(range(-k, 0))
    n = 1
    for s in normalized_shape:
        n *= s
    centred = x - x.sum(dim=dims, keepdim=True) / n
    std = (centred.pow(2).sum(dim=dims, keepdim=True) / n + eps).sqrt()
    out = centred / std
    if weight is not None:
        out = out * weight
    if bias is not None:
        out = out + bias
    return out
