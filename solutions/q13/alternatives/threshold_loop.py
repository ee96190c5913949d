"""A correct answer in another style: a global threshold from torch.kthvalue, masks by comparison, a loop
over named_parameters, and assignment through .data."""
import torch
from torch import nn


def global_magnitude_prune(model, amount):
    prunable = set()
    for mod_name, mod in model.named_modules():
        if type(mod) in (nn.Linear, nn.Conv2d) or isinstance(mod, (nn.Linear, nn.Conv2d)):
            prunable.add((mod_name + "." if mod_name else "") + "weight")
    weights = {n: p for n, p in model.named_parameters() if n in prunable}
    all_abs = torch.cat([p.detach().abs().reshape(-1) for p in weights.values()])
    n_prune = int(round(amount * all_abs.numel()))
    masks = {}
    for n, p in weights.items():
        if n_prune == 0:
            mask = torch.ones_like(p, dtype=torch.bool)
        else:
            threshold = torch.kthvalue(all_abs, n_prune).values  # the n_prune-th smallest |w|
            mask = p.detach().abs() > threshold
        p.data = p.data * mask  # same Parameter object, new values
        masks[n] = mask
    return masks
