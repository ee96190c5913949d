"""Catches: masks computed but the model left unpruned (the contract says the weights are zeroed in place)."""
import torch
from torch import nn


def global_magnitude_prune(model, amount):
    targets = [(f"{n}.weight", m.weight) for n, m in model.named_modules() if isinstance(m, (nn.Linear, nn.Conv2d))]
    scores = torch.cat([w.detach().abs().flatten() for _, w in targets])
    k = round(amount * scores.numel())
    keep = torch.ones(scores.numel(), dtype=torch.bool, device=scores.device)
    if k > 0:
        keep[torch.topk(scores, k, largest=False).indices] = False
    masks, start = {}, 0
    for name, w in targets:
        masks[name] = keep[start:start + w.numel()].view_as(w)
        start += w.numel()
    return masks
