"""Catches: pruning by signed value — the most negative weights are removed instead of the smallest |w|."""
import torch
from torch import nn


def global_magnitude_prune(model, amount):
    targets = [(f"{n}.weight", m.weight) for n, m in model.named_modules() if isinstance(m, (nn.Linear, nn.Conv2d))]
    scores = torch.cat([w.detach().flatten() for _, w in targets])
    k = round(amount * scores.numel())
    keep = torch.ones(scores.numel(), dtype=torch.bool, device=scores.device)
    if k > 0:
        keep[torch.topk(scores, k, largest=False).indices] = False
    masks, start = {}, 0
    with torch.no_grad():
        for name, w in targets:
            mask = keep[start:start + w.numel()].view_as(w)
            start += w.numel()
            w.mul_(mask)
            masks[name] = mask
    return masks
