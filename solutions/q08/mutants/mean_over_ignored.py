"""Catches: mean over ignored targets too — ignored rows contribute 0 but are still counted in the denominator."""
import torch


def cross_entropy(logits, target, ignore_index=-100, label_smoothing=0.0):
    m = logits.amax(dim=1, keepdim=True).detach()
    shifted = logits - m
    log_probs = shifted - shifted.exp().sum(dim=1, keepdim=True).log()
    keep = target != ignore_index
    safe = torch.where(keep, target, torch.zeros_like(target))
    nll = -log_probs.gather(1, safe.unsqueeze(1)).squeeze(1)
    per_row = (1 - label_smoothing) * nll - label_smoothing * log_probs.mean(dim=1)
    return torch.where(keep, per_row, torch.zeros_like(per_row)).mean()
