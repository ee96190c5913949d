"""A correct answer in another style: torch.bernoulli mask and torch.where, a float64 scale, a copy at eval."""
import torch


def dropout(x, p=0.5, training=True, generator=None):
    if p < 0 or p > 1:
        raise ValueError("p out of range")
    if not training or p == 0:
        return x.clone()
    keep_prob = torch.full_like(x, 1.0 - p)
    mask = torch.bernoulli(keep_prob, generator=generator)
    scale = 0.0 if p == 1 else 1.0 / (1.0 - p)
    return torch.where(mask.bool(), x * scale, torch.zeros_like(x))
