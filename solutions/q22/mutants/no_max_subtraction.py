"""Catches: log-softmax written as log(exp(x) / sum exp(x)) without subtracting the max (inf/NaN for large logits)."""
import torch


def perplexity(logits, targets, ignore_index=-100):
    V = logits.shape[-1]
    logits, targets = logits.reshape(-1, V), targets.reshape(-1)
    keep = targets != ignore_index
    e = torch.exp(logits[keep])
    probs = e / e.sum(dim=-1, keepdim=True)
    nll = -torch.log(probs.gather(1, targets[keep].unsqueeze(1)))
    return torch.exp(nll.double().sum() / keep.sum()).item()
