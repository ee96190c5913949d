"""Catches: constant (all-zero) tensors divide by zero — scale 0 gives NaN codes."""
import torch


def quantize(x, num_bits=8, symmetric=False):
    if symmetric:
        qmax = 2 ** (num_bits - 1) - 1
        scale = x.abs().max() / qmax
        return torch.clamp(torch.round(x / scale), -qmax, qmax).to(torch.int32), scale, 0
    qmin, qmax = 0, 2 ** num_bits - 1
    lo, hi = torch.clamp(x.min(), max=0), torch.clamp(x.max(), min=0)
    scale = (hi - lo) / (qmax - qmin)
    zero_point = int(torch.nan_to_num(torch.clamp(qmin - torch.round(lo / scale), qmin, qmax)))
    q = torch.clamp(torch.round(x / scale) + zero_point, qmin, qmax).to(torch.int32)
    return q, scale, zero_point


def dequantize(q, scale, zero_point):
    return (q.to(scale.dtype) - zero_point) * scale
