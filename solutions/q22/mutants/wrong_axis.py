"""Catches: log-softmax over the wrong axis (axis 1, as F.cross_entropy's class axis, instead of the last)."""
import torch


def perplexity(logits, targets, ignore_index=-100):
    log_probs = torch.log_softmax(logits.double(), dim=1)         # over the sequence for (batch, seq, vocab)
    V = logits.shape[-1]
    log_probs, targets = log_probs.reshape(-1, V), targets.reshape(-1)
    keep = targets != ignore_index
    nll = -log_probs[keep].gather(1, targets[keep].unsqueeze(1))
    return torch.exp(nll.mean()).item()
