"""Catches: input mutated in place (the catalog's convention: nothing is mutated unless the contract says so)."""
import torch


def dropout(x, p=0.5, training=True, generator=None):
    if not 0.0 <= p <= 1.0:
        raise ValueError("p must be in [0, 1]")
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return x.zero_()
    keep = torch.rand(x.shape, generator=generator, device=x.device) >= p
    return x.mul_(keep).div_(1.0 - p)
