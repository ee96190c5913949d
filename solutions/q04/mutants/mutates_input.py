"""Catches: input mutated — the caller's input_ids is used as a rolling context window and overwritten."""
import torch


def causal_mask(seq_len):
    return torch.tril(torch.ones(seq_len, seq_len, dtype=torch.bool))


@torch.no_grad()
def greedy_generate(model, input_ids, max_new_tokens):
    ids = input_ids
    for _ in range(max_new_tokens):
        next_id = model(ids)[:, -1, :].argmax(dim=-1, keepdim=True)
        ids = torch.cat([ids, next_id], dim=1)
    seq = input_ids.shape[1]
    input_ids.copy_(ids[:, -seq:])                  # "keep the latest context" in the caller's tensor
    return ids
