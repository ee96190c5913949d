"""A correct answer in another style: NLL = logsumexp(row) - logit[target], ignored targets masked with
torch.where, and the mean computed with weights (float64 throughout)."""
import math

import torch


def perplexity(logits, targets, ignore_index=-100):
    x = logits.detach().to(torch.float64)
    t = targets.detach()
    mask = t != ignore_index
    idx = torch.where(mask, t, torch.zeros_like(t)).unsqueeze(-1)      # any valid index where ignored
    picked = torch.take_along_dim(x, idx, dim=-1).squeeze(-1)
    nll = torch.logsumexp(x, dim=-1) - picked
    count = int(mask.sum())
    if count == 0:
        return math.nan
    return math.exp(float(torch.where(mask, nll, torch.zeros_like(nll)).sum()) / count)
