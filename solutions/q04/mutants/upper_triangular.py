"""Catches: upper- instead of lower-triangular mask (query i would see the future, not the past)."""
import torch


def causal_mask(seq_len):
    return torch.triu(torch.ones(seq_len, seq_len, dtype=torch.bool))


@torch.no_grad()
def greedy_generate(model, input_ids, max_new_tokens):
    ids = input_ids.clone()
    for _ in range(max_new_tokens):
        next_id = model(ids)[:, -1, :].argmax(dim=-1, keepdim=True)
        ids = torch.cat([ids, next_id], dim=1)
    return ids
