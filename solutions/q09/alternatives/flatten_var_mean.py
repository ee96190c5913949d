"""A correct answer in another style: flatten the normalised dimensions, torch.var_mean(correction=0), rsqrt, addcmul."""
import math

import torch


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    shape = [normalized_shape] if isinstance(normalized_shape, int) else list(normalized_shape)
    k = len(shape)
    flat = x.reshape(*x.shape[:x.dim() - k], math.prod(shape))
    var, mean = torch.var_mean(flat, dim=-1, keepdim=True, correction=0)
    y = ((flat - mean) * torch.rsqrt(var + eps)).reshape(x.shape)
    w = weight if weight is not None else torch.ones((), dtype=x.dtype, device=x.device)
    b = bias if bias is not None else torch.zeros((), dtype=x.dtype, device=x.device)
    return torch.addcmul(b, y, w)
