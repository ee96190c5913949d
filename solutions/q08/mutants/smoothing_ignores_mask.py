"""Catches: label smoothing over the wrong count — the smoothing term is averaged over every row, ignored ones included."""
import torch


def cross_entropy(logits, target, ignore_index=-100, label_smoothing=0.0):
    m = logits.amax(dim=1, keepdim=True).detach()
    shifted = logits - m
    log_probs = shifted - shifted.exp().sum(dim=1, keepdim=True).log()
    keep = target != ignore_index
    safe = torch.where(keep, target, torch.zeros_like(target))
    nll = -log_probs.gather(1, safe.unsqueeze(1)).squeeze(1)
    nll_mean = torch.where(keep, nll, torch.zeros_like(nll)).sum() / keep.sum()
    smooth_mean = -log_probs.mean(dim=1).mean()
    return (1 - label_smoothing) * nll_mean + label_smoothing * smooth_mean
