"""Catches: ignored tokens counted (they add 0 to the sum but still count in the mean's denominator)."""
import torch


def perplexity(logits, targets, ignore_index=-100):
    V = logits.shape[-1]
    logits, targets = logits.reshape(-1, V), targets.reshape(-1)
    keep = targets != ignore_index
    safe = torch.where(keep, targets, torch.zeros_like(targets))
    nll = -torch.log_softmax(logits.double(), dim=-1).gather(1, safe.unsqueeze(1)).squeeze(1)
    return torch.exp((nll * keep).sum() / targets.numel()).item()
