"""A correct answer in another style: PyTorch observer conventions — symmetric uses the full signed range
[-2^(b-1), 2^(b-1) - 1] with scale max|x| / ((qmax - qmin) / 2), an eps floor on the scale, floor(v + 0.5)
rounding, uint8 codes for 8-bit affine, and a 0-dim int64 tensor as the zero point."""
import torch


def quantize(x, num_bits=8, symmetric=False):
    eps = torch.finfo(x.dtype).eps
    if symmetric:
        qmin, qmax = -(2 ** (num_bits - 1)), 2 ** (num_bits - 1) - 1
        amax = torch.maximum(-x.min(), x.max()).clamp(min=0)
        scale = torch.clamp(amax / ((qmax - qmin) / 2), min=eps)
        zero_point = torch.zeros((), dtype=torch.int64, device=x.device)
    else:
        qmin, qmax = 0, 2 ** num_bits - 1
        lo = torch.minimum(x.min(), torch.zeros((), dtype=x.dtype, device=x.device))
        hi = torch.maximum(x.max(), torch.zeros((), dtype=x.dtype, device=x.device))
        scale = torch.clamp((hi - lo) / float(qmax - qmin), min=eps)
        zero_point = (qmin - torch.floor(lo / scale + 0.5)).clamp(qmin, qmax).to(torch.int64)
    codes = torch.floor(x / scale + 0.5) + zero_point
    codes = codes.clamp(qmin, qmax)
    out_dtype = torch.uint8 if (not symmetric and num_bits <= 8) else torch.int64
    return codes.to(out_dtype), scale, zero_point


def dequantize(q, scale, zero_point):
    if not isinstance(scale, torch.Tensor):
        scale = torch.tensor(float(scale))
    q = q.to(torch.int64) - torch.as_tensor(zero_point, device=q.device)
    return q.to(scale.dtype) * scale.to(q.device)
