"""Catches: the mean of per-sequence perplexities instead of exp of the mean NLL over all tokens."""
import torch


def perplexity(logits, targets, ignore_index=-100):
    V = logits.shape[-1]
    logits = logits.reshape(-1, logits.shape[-2] if logits.dim() > 2 else logits.shape[0], V).double()
    targets = targets.reshape(logits.shape[0], -1)
    values = []
    for seq_logits, seq_targets in zip(logits, targets):
        keep = seq_targets != ignore_index
        if keep.any():
            nll = -torch.log_softmax(seq_logits[keep], dim=-1).gather(1, seq_targets[keep].unsqueeze(1))
            values.append(torch.exp(nll.mean()))
    return torch.stack(values).mean().item() if values else float("nan")
