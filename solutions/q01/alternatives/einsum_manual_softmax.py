"""A correct answer in another style: einsum, a hand-written stable softmax with the mask as a 0/1 factor,
and a clamped denominator so empty rows come out as zeros."""
import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scale = q.shape[-1] ** -0.5
    scores = torch.einsum("...qd,...kd->...qk", q, k) * scale
    if mask is None:
        keep = torch.ones_like(scores)
    else:
        keep = mask.to(scores.dtype).expand_as(scores)
        # large negative instead of -inf: masked entries are zeroed by `keep` anyway
        scores = scores.masked_fill(keep == 0, torch.finfo(scores.dtype).min)
    scores = scores - scores.amax(dim=-1, keepdim=True).detach()
    num = torch.exp(scores) * keep
    den = num.sum(dim=-1, keepdim=True)
    weights = num / den.clamp_min(1.0)  # den >= 1 unless the row is empty (the max term is exp(0) = 1)
    out = torch.einsum("...qk,...kd->...qd", weights, v)
    return out, weights
