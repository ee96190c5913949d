"""Catches: p outside [0, 1] accepted silently instead of raising ValueError."""
import torch


def dropout(x, p=0.5, training=True, generator=None):
    if not training or p <= 0.0:
        return x
    if p >= 1.0:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, generator=generator, device=x.device) >= p
    return x * keep / (1.0 - p)
