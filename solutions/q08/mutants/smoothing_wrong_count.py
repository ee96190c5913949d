"""Catches: label smoothing over the wrong count — epsilon spread over the C - 1 wrong classes instead of all C."""
import torch


def cross_entropy(logits, target, ignore_index=-100, label_smoothing=0.0):
    c = logits.shape[1]
    m = logits.amax(dim=1, keepdim=True).detach()
    shifted = logits - m
    log_probs = shifted - shifted.exp().sum(dim=1, keepdim=True).log()
    keep = target != ignore_index
    safe = torch.where(keep, target, torch.zeros_like(target))
    lp_y = log_probs.gather(1, safe.unsqueeze(1)).squeeze(1)
    others = (log_probs.sum(dim=1) - lp_y) / (c - 1)
    per_row = -(1 - label_smoothing) * lp_y - label_smoothing * others
    return torch.where(keep, per_row, torch.zeros_like(per_row)).sum() / keep.sum()
