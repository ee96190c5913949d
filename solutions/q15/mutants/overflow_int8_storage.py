"""Catches: overflow past the integer range — unsigned codes 128..255 stored in int8 wrap to negative values."""
import torch


def quantize(x, num_bits=8, symmetric=False):
    if symmetric:
        qmin, qmax = -(2 ** (num_bits - 1) - 1), 2 ** (num_bits - 1) - 1
        scale = x.abs().max() / qmax
        zero_point = 0
    else:
        qmin, qmax = 0, 2 ** num_bits - 1
        lo, hi = torch.clamp(x.min(), max=0), torch.clamp(x.max(), min=0)
        scale = (hi - lo) / (qmax - qmin)
    scale = torch.where(scale > 0, scale, torch.ones_like(scale))
    if not symmetric:
        zero_point = int(torch.clamp(qmin - torch.round(lo / scale), qmin, qmax))
    q = (torch.round(x / scale) + zero_point).to(torch.int8)
    return q, scale, zero_point


def dequantize(q, scale, zero_point):
    return (q.to(scale.dtype) - zero_point) * scale
