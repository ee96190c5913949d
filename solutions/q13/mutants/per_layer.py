"""Catches: per-layer instead of global — each layer loses the `amount` fraction of its own weights."""
import torch
from torch import nn


def global_magnitude_prune(model, amount):
    masks = {}
    with torch.no_grad():
        for name, module in model.named_modules():
            if isinstance(module, (nn.Linear, nn.Conv2d)):
                w = module.weight
                k = round(amount * w.numel())
                keep = torch.ones(w.numel(), dtype=torch.bool, device=w.device)
                if k > 0:
                    keep[torch.topk(w.abs().flatten(), k, largest=False).indices] = False
                mask = keep.view_as(w)
                w.mul_(mask)
                masks[f"{name}.weight"] = mask
    return masks
