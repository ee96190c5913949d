"""Catches: upper- instead of lower-triangular mask, variant: the strict lower triangle (diagonal masked, a token cannot see itself)."""
import torch


def causal_mask(seq_len):
    return torch.tril(torch.ones(seq_len, seq_len, dtype=torch.bool), diagonal=-1)


@torch.no_grad()
def greedy_generate(model, input_ids, max_new_tokens):
    ids = input_ids.clone()
    for _ in range(max_new_tokens):
        next_id = model(ids)[:, -1, :].argmax(dim=-1, keepdim=True)
        ids = torch.cat([ids, next_id], dim=1)
    return ids
