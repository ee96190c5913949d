"""Catches: biases pruned — biases join the global ranking and get masks and zeros of their own."""
import torch
from torch import nn


def global_magnitude_prune(model, amount):
    targets = []
    for n, m in model.named_modules():
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            targets.append((f"{n}.weight", m.weight))
            if m.bias is not None:
                targets.append((f"{n}.bias", m.bias))
    scores = torch.cat([w.detach().abs().flatten() for _, w in targets])
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
