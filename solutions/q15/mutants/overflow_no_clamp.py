"""Catches: overflow past the integer range — 2^b levels instead of 2^b - 1 and no clamp, so codes reach 2^b."""
import torch


def quantize(x, num_bits=8, symmetric=False):
    if symmetric:
        qmax = 2 ** (num_bits - 1)
        scale = x.abs().max() / qmax
        zero_point = 0
    else:
        lo, hi = torch.clamp(x.min(), max=0), torch.clamp(x.max(), min=0)
        scale = (hi - lo) / 2 ** num_bits
    scale = torch.where(scale > 0, scale, torch.ones_like(scale))
    if not symmetric:
        zero_point = int(-torch.round(lo / scale))
    q = (torch.round(x / scale) + zero_point).to(torch.int32)
    return q, scale, zero_point


def dequantize(q, scale, zero_point):
    return (q.to(scale.dtype) - zero_point) * scale
