"""Catches: exp of the sum of token NLLs instead of the mean."""
import torch


def perplexity(logits, targets, ignore_index=-100):
    V = logits.shape[-1]
    logits, targets = logits.reshape(-1, V), targets.reshape(-1)
    keep = targets != ignore_index
    nll = -torch.log_softmax(logits[keep].double(), dim=-1).gather(1, targets[keep].unsqueeze(1))
    return torch.exp(nll.sum()).item()
