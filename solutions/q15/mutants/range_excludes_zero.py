"""Catches: range not including 0 (and the zero-point not clamped) — [x.min(), x.max()] is used as is."""
import torch


def quantize(x, num_bits=8, symmetric=False):
    if symmetric:
        qmax = 2 ** (num_bits - 1) - 1
        scale = torch.clamp(x.abs().max() / qmax, min=1e-12)
        return torch.clamp(torch.round(x / scale), -qmax, qmax).to(torch.int32), scale, 0
    qmin, qmax = 0, 2 ** num_bits - 1
    lo, hi = x.min(), x.max()
    scale = torch.where(hi > lo, (hi - lo) / (qmax - qmin), torch.ones_like(hi))
    zero_point = int(qmin - torch.round(lo / scale))
    q = torch.clamp(torch.round(x / scale) + zero_point, qmin, qmax).to(torch.int32)
    return q, scale, zero_point


def dequantize(q, scale, zero_point):
    return (q.to(scale.dtype) - zero_point) * scale
