"""Catches: returns only the generated tokens (batch, max_new_tokens) instead of prompt + new tokens."""
import torch


def causal_mask(seq_len):
    return torch.tril(torch.ones(seq_len, seq_len, dtype=torch.bool))


@torch.no_grad()
def greedy_generate(model, input_ids, max_new_tokens):
    ids = input_ids
    new = []
    for _ in range(max_new_tokens):
        next_id = model(ids)[:, -1, :].argmax(dim=-1, keepdim=True)
        ids = torch.cat([ids, next_id], dim=1)
        new.append(next_id)
    return torch.cat(new, dim=1) if new else input_ids[:, :0].clone()
